using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>Creates, changes and deletes calls for the platform team's pages and the CSV import.</summary>
public sealed class CallEditor(ClusterAtlasDbContext db, TimeProvider clock)
{
    /// <summary>The terms a call may take: active sectors, technology fields and S3 areas, and retired ones it already has.</summary>
    public async Task<IReadOnlyDictionary<int, VocabularyTerm>> ChoosableTermsAsync(FundingCall? call, CancellationToken cancellationToken)
    {
        var kept = call?.Terms.Select(t => t.VocabularyTermId).ToList() ?? [];
        var vocabularies = CallForm.TermFields.Select(f => f.Vocabulary).ToList();
        return await db.VocabularyTerms.AsNoTracking()
            .Where(t => vocabularies.Contains(t.Vocabulary) && (t.Status == TermStatus.Active || kept.Contains(t.Id)))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>A call with its terms, tracked for editing, or null.</summary>
    public Task<FundingCall?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<FundingCall>().Include(c => c.Terms).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Adds a call from a checked form (not saved yet: the caller saves, alone or with others).</summary>
    public async Task<FundingCall> AddAsync(CallForm form, ISet<string> slugsTaken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = new FundingCall { Slug = await NewSlugAsync(form.Title!, slugsTaken, cancellationToken), Programme = "", Title = "", Link = "", Summary = "", AddedAt = now, UpdatedAt = now };
        form.ApplyTo(call);
        db.Add(call);
        return call;
    }

    public void Update(FundingCall call, CallForm form)
    {
        form.ApplyTo(call);
        call.UpdatedAt = clock.GetUtcNow();
    }

    public async Task DeleteAsync(FundingCall call, CancellationToken cancellationToken)
    {
        db.Remove(call);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The title's slug, with "-2", "-3"... when a call (or one added in the same import) has it already.</summary>
    private async Task<string> NewSlugAsync(string title, ISet<string> slugsTaken, CancellationToken cancellationToken)
    {
        var stem = TextFolding.Slug(title);
        stem = stem.Length == 0 ? "call" : stem[..Math.Min(stem.Length, FundingCall.MaxSlugLength - 8)].TrimEnd('-');
        var taken = await db.Set<FundingCall>().Where(c => c.Slug == stem || c.Slug.StartsWith(stem + "-")).Select(c => c.Slug).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; taken.Contains(slug) || slugsTaken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        slugsTaken.Add(slug);
        return slug;
    }
}

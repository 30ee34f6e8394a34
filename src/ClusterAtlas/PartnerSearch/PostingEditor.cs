using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// Writes postings: create, edit (a new deadline renews an expired one and asks for a new reminder), close.
/// Callers have checked that the user may edit the posting's profile and validated the form.
/// </summary>
public sealed class PostingEditor(ClusterAtlasDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The terms a posting may take: the active sectors and technology fields, and the ones it already has.</summary>
    public async Task<IReadOnlyDictionary<int, VocabularyTerm>> ChoosableTermsAsync(PartnerSearchPosting? posting, CancellationToken cancellationToken)
    {
        var kept = posting?.Terms.Select(t => t.VocabularyTermId).ToList() ?? [];
        return await db.VocabularyTerms.AsNoTracking()
            .Where(t => (t.Vocabulary == Vocabulary.SectoralIndustries || t.Vocabulary == Vocabulary.TechnologyFields)
                && (t.Status == TermStatus.Active || kept.Contains(t.Id)))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>A posting with its profile and terms, tracked for editing, or null.</summary>
    public Task<PartnerSearchPosting?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<PartnerSearchPosting>().Include(p => p.Profile).Include(p => p.Terms).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<PartnerSearchPosting> CreateAsync(ClusterOrganisation profile, PostingForm form, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var posting = new PartnerSearchPosting
        {
            ProfileId = profile.Id,
            AuthorUserId = author.UserId(),
            AuthorName = author.NameToShow(),
            Title = form.Title!,
            Text = form.Text!,
            CreatedAt = now,
        };
        Apply(posting, form, now);
        db.Add(posting);
        await db.SaveChangesAsync(cancellationToken);
        return posting;
    }

    public async Task UpdateAsync(PartnerSearchPosting posting, PostingForm form, CancellationToken cancellationToken)
    {
        Apply(posting, form, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CloseAsync(PartnerSearchPosting posting, CancellationToken cancellationToken)
    {
        if (posting.Status == PostingStatus.Open)
        {
            var now = clock.GetUtcNow();
            posting.Status = PostingStatus.Closed;
            posting.ClosedAt = now;
            posting.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Apply(PartnerSearchPosting posting, PostingForm form, DateTimeOffset now)
    {
        var deadline = form.ParsedDeadline!.Value;
        posting.Kind = form.Kind!.Value;
        posting.Title = form.Title!;
        posting.Text = form.Text!;
        posting.CallName = form.CallName;
        posting.CallProgramme = form.CallProgramme;
        posting.CallLink = form.CallLink;
        posting.TargetCountries = [.. form.TargetCountries];
        posting.Intents = [.. PartnerSearchIntents.All.Where(form.Intents.Contains)];
        if (posting.Deadline != deadline)
        {
            // A new deadline is a renewal: the author is reminded again before it, and an expired posting opens again.
            posting.Deadline = deadline;
            posting.ReminderSentAt = null;
            if (posting.Status == PostingStatus.Expired)
            {
                posting.Status = PostingStatus.Open;
                posting.ClosedAt = null;
            }
        }
        posting.UpdatedAt = now;
        SetTerms(posting, PostingTermField.SectoralIndustry, form.Sectors);
        SetTerms(posting, PostingTermField.TechnologyField, form.Technologies);
    }

    /// <summary>Keeps the rows of terms that stay (a row removed and added again under the same key would clash), adds and removes the rest.</summary>
    private static void SetTerms(PartnerSearchPosting posting, PostingTermField field, List<int> termIds)
    {
        posting.Terms.RemoveAll(t => t.Field == field && !termIds.Contains(t.VocabularyTermId));
        for (var i = 0; i < termIds.Count; i++)
        {
            if (posting.Terms.FirstOrDefault(t => t.Field == field && t.VocabularyTermId == termIds[i]) is { } kept)
            {
                kept.SortOrder = i;
            }
            else
            {
                posting.Terms.Add(new PostingTerm { Field = field, VocabularyTermId = termIds[i], SortOrder = i });
            }
        }
    }
}

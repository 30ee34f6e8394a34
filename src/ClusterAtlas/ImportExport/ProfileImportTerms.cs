using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ImportExport;

/// <summary>The vocabularies' terms for an import: found by label or alias (accents and case aside), by id for the validator.</summary>
public sealed class ProfileImportTerms
{
    private readonly Dictionary<(string Vocabulary, string Key), VocabularyTerm> _byKey = [];

    public Dictionary<int, VocabularyTerm> ById { get; } = [];

    public static async Task<ProfileImportTerms> LoadAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        var terms = new ProfileImportTerms();
        var all = await db.VocabularyTerms.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var term in all)
        {
            terms.Add(term);
        }
        // A label always wins over another term's alias.
        foreach (var term in all)
        {
            foreach (var alias in term.Aliases)
            {
                terms._byKey.TryAdd((term.Vocabulary, TextFolding.MatchKey(alias)), term);
            }
        }
        return terms;
    }

    public VocabularyTerm? Find(ProfileField field, string label) =>
        _byKey.GetValueOrDefault((Vocabulary.For(field), TextFolding.MatchKey(label)));

    public void Add(VocabularyTerm term)
    {
        ById[term.Id] = term;
        _byKey[(term.Vocabulary, term.MatchKey)] = term;
    }
}

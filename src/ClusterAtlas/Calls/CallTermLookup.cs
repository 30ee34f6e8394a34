using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>
/// The active terms a call may take, found as an import writes them: by the term's id (its key in the vocabularies
/// API), or by its label, an alias, or its Serbian or German name, accents and case aside.
/// </summary>
public sealed class CallTermLookup
{
    private readonly Dictionary<(string Vocabulary, string Key), VocabularyTerm> _byKey = [];

    public Dictionary<int, VocabularyTerm> ById { get; } = [];

    public static async Task<CallTermLookup> LoadAsync(ClusterAtlasDbContext db, TermTranslations translations, CancellationToken cancellationToken)
    {
        var vocabularies = CallForm.TermFields.Select(f => f.Vocabulary).ToList();
        var terms = await db.VocabularyTerms.AsNoTracking()
            .Where(t => vocabularies.Contains(t.Vocabulary) && t.Status == TermStatus.Active)
            .ToListAsync(cancellationToken);
        var lookup = new CallTermLookup();
        foreach (var term in terms)
        {
            lookup.ById[term.Id] = term;
            lookup._byKey[(term.Vocabulary, term.MatchKey)] = term;
        }
        // A label always wins over another term's alias or translation.
        foreach (var term in terms)
        {
            foreach (var name in term.Aliases.Concat(translations.TranslationsOf(term.Vocabulary, term.Label)).Where(n => n.Length > 0))
            {
                lookup._byKey.TryAdd((term.Vocabulary, TextFolding.MatchKey(name)), term);
            }
        }
        return lookup;
    }

    public VocabularyTerm? Find(string vocabulary, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return ById.TryGetValue(id, out var byId) && byId.Vocabulary == vocabulary ? byId : null;
        }
        return _byKey.GetValueOrDefault((vocabulary, TextFolding.MatchKey(text)));
    }
}

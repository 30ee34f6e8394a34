using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Api;

/// <summary>GET /api/v1/vocabularies, /api/v1/vocabularies/{name} and /api/v1/countries: the platform's reference data.</summary>
public static class VocabularyApi
{
    public static RouteGroupBuilder MapVocabularyApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/vocabularies", ApiFeature.ReadMethods, ListAsync)
            .WithName("ListVocabularies").WithSummary("The controlled vocabularies of profiles, with their names in every language.").WithTags("Reference data")
            .CacheForReaders(ContentTags.Vocabularies);
        api.MapMethods("/vocabularies/{name}", ApiFeature.ReadMethods, GetAsync)
            .WithName("GetVocabulary").WithSummary("One vocabulary's terms: hierarchy (parentId), aliases, status and translations.").WithTags("Reference data")
            .CacheForReaders(ContentTags.Vocabularies);
        api.MapMethods("/countries", ApiFeature.ReadMethods, Countries)
            .WithName("ListCountries").WithSummary("The ISO 3166-1 countries profiles name, with their names in every language.").WithTags("Reference data")
            .CacheForReaders();
        return api;
    }

    /// <summary>A name in English, Serbian (Latin) and German, keyed by language tag.</summary>
    public static IReadOnlyDictionary<string, string> Names(string english, IReadOnlyList<string> translations)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [Languages.Default] = english };
        for (var i = 0; i < DataLanguages.Translated.Count; i++)
        {
            names[DataLanguages.Translated[i]] = i < translations.Count && translations[i].Length > 0 ? translations[i] : english;
        }
        return names;
    }

    private static async Task<ApiAnswer<IReadOnlyList<VocabularySummary>>> ListAsync(
        ClusterAtlasDbContext db, Links.PublicAddress address, CancellationToken cancellationToken)
    {
        var counts = await db.VocabularyTerms.AsNoTracking().Where(t => t.Status != TermStatus.Proposed)
            .GroupBy(t => t.Vocabulary).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return ApiAnswer.Of<IReadOnlyList<VocabularySummary>>([.. Vocabulary.All.Select(v => new VocabularySummary(
            v, Vocabulary.NameOf(v), Vocabulary.IsHierarchical(v), counts.GetValueOrDefault(v), $"{baseUrl}/api/v1/vocabularies/{v}"))]);
    }

    private static async Task<Results<ApiAnswer<VocabularyDetail>, ProblemHttpResult>> GetAsync(
        string name, ClusterAtlasDbContext db, TermTranslations translations, CancellationToken cancellationToken)
    {
        if (!Vocabulary.All.Contains(name, StringComparer.Ordinal))
        {
            return ApiFeature.NotFound($"No vocabulary is named \"{name}\"; the vocabularies are {string.Join(", ", Vocabulary.All)}.", "name");
        }
        // Proposed terms wait for review and are not public; retired ones stay, since profiles may still have them.
        var terms = await db.VocabularyTerms.AsNoTracking()
            .Where(t => t.Vocabulary == name && t.Status != TermStatus.Proposed)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return ApiAnswer.Of(new VocabularyDetail(name, Vocabulary.NameOf(name), Vocabulary.IsHierarchical(name), [.. terms.Select(t => new TermItem(
            t.Id, t.Label, t.ParentId, t.Status == TermStatus.Retired ? "retired" : "active", t.Aliases,
            Names(t.Label, translations.TranslationsOf(t.Vocabulary, t.Label))))]));
    }

    private static ApiAnswer<IReadOnlyList<CountryItem>> Countries(CountryList countries) =>
        ApiAnswer.Of<IReadOnlyList<CountryItem>>([.. countries.All.Select(c => new CountryItem(c.Code, c.Name, Names(c.Name, countries.TranslationsOf(c.Code))))]);

    /// <param name="Name">The vocabulary's key, as profiles' fields and the search's parameters name it.</param>
    /// <param name="Label">Its name for people, in English.</param>
    /// <param name="Hierarchical">Whether its terms may sit under a parent term.</param>
    /// <param name="Terms">How many public terms it has (active and retired).</param>
    public sealed record VocabularySummary(string Name, string Label, bool Hierarchical, int Terms, string Url);

    public sealed record VocabularyDetail(string Name, string Label, bool Hierarchical, IReadOnlyList<TermItem> Terms);

    /// <param name="Id">Stable: profiles' terms refer to it.</param>
    /// <param name="ParentId">The parent term's id in a hierarchical vocabulary, else null.</param>
    /// <param name="Status">"active", or "retired": still on the profiles that have it, no longer offered.</param>
    /// <param name="Aliases">Other spellings (earlier names) that imports and search still match.</param>
    /// <param name="Names">The term's name by language: en, sr-Latn, de.</param>
    public sealed record TermItem(int Id, string Label, int? ParentId, string Status, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, string> Names);

    /// <param name="Code">ISO 3166-1 alpha-2.</param>
    /// <param name="Name">The English name.</param>
    /// <param name="Names">The name by language: en, sr-Latn, de.</param>
    public sealed record CountryItem(string Code, string Name, IReadOnlyDictionary<string, string> Names);
}

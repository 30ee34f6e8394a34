using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Map;

/// <summary>
/// The directory's search as the map and the statistics pages read it: the same query string, parsed by the
/// directory (unknown parameters ignored, as on its page), and every match from its snapshot.
/// </summary>
public sealed record ResultsView(SearchQuery Query, IReadOnlyList<DirectoryEntry> Entries, DirectorySnapshot? Snapshot, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors)
{
    /// <summary>The data's (English) names of the vocabulary filters' values, keyed by facet and slug, for the chips.</summary>
    public IReadOnlyDictionary<(string Facet, string Value), string> TermNames { get; init; } = new Dictionary<(string, string), string>();

    /// <summary>The positions of <see cref="Entries"/> in the snapshot's entries (in the same order), for counting over what it keeps per entry.</summary>
    public int[] Positions { get; init; } = [];

    public static async Task<ResultsView> ReadAsync(HttpRequest request, DirectorySearch search, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(request.Query, Facet.All, ignoreUnknown: true);
        if (!parsed.IsValid)
        {
            return new ResultsView(parsed.Query, [], null, parsed.Errors);
        }
        var matches = await search.MatchingAsync(parsed.Query, cancellationToken);
        return new ResultsView(parsed.Query, matches.Entries, matches.Snapshot, matches.Errors) { Positions = matches.Positions };
    }

    /// <summary>
    /// The same, with the names of the chosen vocabulary terms: the query carries slugs, and a chip shows the term's
    /// name in the visitor's language (<see cref="Localisation.DataLabels.FacetValue(string, string, string?)"/>).
    /// </summary>
    public static async Task<ResultsView> ReadWithNamesAsync(HttpRequest request, DirectorySearch search, ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        var view = await ReadAsync(request, search, cancellationToken);
        var chosen = view.Query.Filters.Where(f => Facet.VocabularyOf(f.Key) is not null && f.Value.Count > 0).ToList();
        if (chosen.Count == 0)
        {
            return view;
        }
        var vocabularies = chosen.Select(f => Facet.VocabularyOf(f.Key)!).Distinct().ToList();
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => vocabularies.Contains(t.Vocabulary))
            .Select(t => new { t.Vocabulary, t.Label }).ToListAsync(cancellationToken);
        var names = new Dictionary<(string, string), string>();
        foreach (var (facet, values) in chosen)
        {
            var bySlug = terms.Where(t => t.Vocabulary == Facet.VocabularyOf(facet))
                .GroupBy(t => TextFolding.Slug(t.Label), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
            foreach (var value in values)
            {
                if (bySlug.TryGetValue(value, out var label))
                {
                    names[(facet, value)] = label;
                }
            }
        }
        return view with { TermNames = names };
    }

    /// <summary>A vocabulary filter value's term name, else null (other values are labelled from their codes).</summary>
    public string? NameOf(string facet, string value) => TermNames.GetValueOrDefault((facet, value));

    /// <summary>The query string that carries the words and filters to another view (no sort or page: they are the list's).</summary>
    public string QueryString => (Query with { Sort = null, Page = 1, PageSize = SearchQuery.DefaultPageSize }).ToQueryString();
}

using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A partner search as it travels in the query string: the directory's q, facets, page and pageSize (read by the
/// same parser), and the sort this list has (best match, newest, deadline soonest).
/// </summary>
public sealed record PostingQuery(SearchQuery Search, PostingSort? Sort)
{
    public const string Kind = "kind";
    public const string Intent = "intent";
    public const string Sector = "sector";
    public const string Technology = "technology";
    public const string Target = "target";
    public const string Country = "country";

    public static readonly IReadOnlyList<string> Facets = [Kind, Intent, Sector, Technology, Target, Country];

    public PostingSort EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Search.Q) ? PostingSort.Newest : PostingSort.Relevance);

    /// <summary>Reads the page's query string; unknown parameters (tracking tags) are ignored, as on the directory.</summary>
    public static (PostingQuery Query, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var pairs = query.ToList();
        var parsed = SearchQuery.Parse(pairs.Where(p => p.Key != "sort"), Facets, ignoreUnknown: true);
        var errors = new Dictionary<string, Pages.ParameterError[]>(parsed.Errors, StringComparer.Ordinal);
        PostingSort? sort = null;
        var sortValue = pairs.Where(p => p.Key == "sort").SelectMany(p => p.Value).ToList();
        if (sortValue.Count > 1)
        {
            errors["sort"] = [Pages.ParameterError.GivenTwice("sort")];
        }
        else if (sortValue.Count == 1 && !string.IsNullOrWhiteSpace(sortValue[0]))
        {
            if (Enum.TryParse<PostingSort>(sortValue[0], ignoreCase: true, out var value) && !int.TryParse(sortValue[0], out _))
            {
                sort = value == PostingSort.Relevance ? null : value;
            }
            else
            {
                errors["sort"] = [Pages.ParameterError.NotOneOf("sort", ["relevance", "newest", "deadline"], sortValue[0]!)];
            }
        }
        return (new PostingQuery(parsed.Query, sort), errors);
    }

    public string ToQueryString(string? toggleFacet = null, string? toggleValue = null, int? page = null)
    {
        var query = Search.ToQueryString(toggleFacet, toggleValue, page, keepSort: false);
        if (Sort is not { } sort)
        {
            return query;
        }
        return (query.Length == 0 ? "?" : query + "&") + "sort=" + sort.ToString().ToLowerInvariant();
    }

    public PostingQuery WithoutFilters() => this with { Search = Search with { Filters = new Dictionary<string, IReadOnlyList<string>>() } };
}

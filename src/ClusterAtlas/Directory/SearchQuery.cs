using System.Globalization;
using ClusterAtlas.Pages;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// A directory search as it travels in a query string (shared by the page and the JSON API):
/// q, the facets (repeat a parameter for OR within a facet), sort, page and pageSize.
/// </summary>
public sealed record SearchQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    public string? Q { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public SearchSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Relevance when there is text to rank by, else name.</summary>
    public SearchSort EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Q) ? SearchSort.Name : SearchSort.Relevance);

    public IReadOnlyList<string> Values(string facet) => Filters.TryGetValue(facet, out var values) ? values : [];

    public bool HasFilters => Filters.Any(f => f.Value.Count > 0);

    /// <summary>Parameters the page and API take besides the facets.</summary>
    private static readonly string[] Scalars = ["q", "sort", "page", "pageSize"];

    /// <summary>Those of an answer with every match at once, in no order of the reader's (the exports, the GeoJSON).</summary>
    private static readonly string[] UnpagedScalars = ["q"];

    /// <summary>
    /// Reads a query string. The API refuses unknown parameters (a typo there is a bug in a client); the page passes
    /// <paramref name="ignoreUnknown"/>, because links carry what others add to them (utm_source, fbclid, gclid).
    /// </summary>
    /// <param name="unpaged">The answer holds every match in its own order: sort, page and pageSize are unknown
    /// parameters there (an export's page=99999 was refused as a page number it never used).</param>
    public static SearchQueryParseResult Parse(IEnumerable<KeyValuePair<string, StringValues>> query, IEnumerable<string> facetNames, bool ignoreUnknown = false,
        bool unpaged = false)
    {
        var scalars = unpaged ? UnpagedScalars : Scalars;
        var facets = facetNames.ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, ParameterError[]>(StringComparer.Ordinal);
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? q = null;
        SearchSort? sort = null;
        var page = 1;
        var pageSize = DefaultPageSize;
        foreach (var (key, values) in query)
        {
            if (facets.Contains(key))
            {
                var distinct = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
                if (distinct.Count > 0)
                {
                    filters[key] = distinct;
                }
                continue;
            }
            if (!scalars.Contains(key, StringComparer.Ordinal))
            {
                if (ignoreUnknown)
                {
                    continue;
                }
                errors[key] = [new ParameterError("Unknown parameter '{0}'. Known: {1}.", key, string.Join(", ", scalars.Concat(facets.Order(StringComparer.Ordinal))))];
                continue;
            }
            if (values.Count > 1)
            {
                errors[key] = [ParameterError.GivenTwice(key)];
                continue;
            }
            var value = values.ToString().Trim();
            switch (key)
            {
                case "q":
                    if (value.Length > 200)
                    {
                        errors[key] = [new ParameterError("'{0}' is longer than {1} characters.", key, "200")];
                    }
                    q = value.Length == 0 ? null : value;
                    break;
                case "sort":
                    if (value.Length == 0)
                    {
                        break;
                    }
                    if (!Enum.TryParse<SearchSort>(value, ignoreCase: true, out var parsedSort) || int.TryParse(value, out _))
                    {
                        errors[key] = [ParameterError.NotOneOf(key, ["relevance", "name", "newest", "members"], value)];
                    }
                    else
                    {
                        // "relevance" is the best match, which is also what no sort means: one sort, not two.
                        sort = parsedSort == SearchSort.Relevance ? null : parsedSort;
                    }
                    break;
                case "page":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage)
                    {
                        errors[key] = [ParameterError.NotAWholeNumber(key, MaxPage, value)];
                        page = 1;
                    }
                    break;
                case "pageSize":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize)
                    {
                        errors[key] = [ParameterError.NotAWholeNumber(key, MaxPageSize, value)];
                        pageSize = DefaultPageSize;
                    }
                    break;
            }
        }
        var result = new SearchQuery { Q = q, Filters = filters, Sort = sort, Page = page, PageSize = pageSize };
        return new SearchQueryParseResult(result, errors);
    }

    /// <summary>The query string of this search, with one facet value toggled, for links that add or remove a filter.</summary>
    public string ToQueryString(string? toggleFacet = null, string? toggleValue = null, int? page = null, SearchSort? sort = null, bool keepSort = true)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }
        var facets = Filters.Keys.ToList();
        if (toggleFacet is not null && !facets.Contains(toggleFacet))
        {
            facets.Add(toggleFacet);
        }
        foreach (var facet in facets)
        {
            var values = Values(facet).ToList();
            if (facet == toggleFacet && toggleValue is not null)
            {
                if (!values.Remove(toggleValue))
                {
                    values.Add(toggleValue);
                }
            }
            parts.AddRange(values.Select(v => $"{facet}={Uri.EscapeDataString(v)}"));
        }
        var effectiveSort = sort ?? (keepSort ? Sort : null);
        if (effectiveSort is not null)
        {
            parts.Add("sort=" + effectiveSort.Value.ToString().ToLowerInvariant());
        }
        var targetPage = page ?? (toggleFacet is null ? Page : 1);
        if (targetPage > 1)
        {
            parts.Add("page=" + targetPage.ToString(CultureInfo.InvariantCulture));
        }
        if (PageSize != DefaultPageSize)
        {
            parts.Add("pageSize=" + PageSize.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

}

using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.Calls;

/// <summary>
/// The calls list as it travels in the query string: the directory's q, facets, page and pageSize (read by the same
/// parser), and which calls: open and forthcoming (the default) or closed (status=closed).
/// </summary>
public sealed record CallQuery(SearchQuery Search, bool Closed)
{
    public const string Programme = "programme";
    public const string Sector = "sector";
    public const string Technology = "technology";
    public const string S3Area = "s3";
    public const string Country = "country";

    public static readonly IReadOnlyList<string> Facets = [Programme, Sector, Technology, S3Area, Country];

    public static (CallQuery Query, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var pairs = query.ToList();
        var parsed = SearchQuery.Parse(pairs.Where(p => p.Key != "status"), Facets, ignoreUnknown: true);
        var errors = new Dictionary<string, Pages.ParameterError[]>(parsed.Errors, StringComparer.Ordinal);
        var status = pairs.Where(p => p.Key == "status").SelectMany(p => p.Value).ToList();
        var closed = false;
        if (status.Count > 1)
        {
            errors["status"] = [Pages.ParameterError.GivenTwice("status")];
        }
        else if (status.Count == 1 && !string.IsNullOrWhiteSpace(status[0]))
        {
            closed = string.Equals(status[0], "closed", StringComparison.OrdinalIgnoreCase);
            if (!closed && !string.Equals(status[0], "open", StringComparison.OrdinalIgnoreCase))
            {
                errors["status"] = [Pages.ParameterError.NotOneOf("status", ["open", "closed"], status[0]!)];
            }
        }
        return (new CallQuery(parsed.Query, closed), errors);
    }

    public string ToQueryString(string? toggleFacet = null, string? toggleValue = null, int? page = null)
    {
        var query = Search.ToQueryString(toggleFacet, toggleValue, page, keepSort: false);
        return Closed ? (query.Length == 0 ? "?" : query + "&") + "status=closed" : query;
    }

    public CallQuery WithoutFilters() => this with { Search = Search with { Filters = new Dictionary<string, IReadOnlyList<string>>() } };
}

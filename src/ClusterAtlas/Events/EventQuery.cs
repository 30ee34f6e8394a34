using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.Events;

/// <summary>
/// The events list as it travels in the query string: the directory's q, facets, page and pageSize (read by the same
/// parser), and which events: upcoming (the default, soonest first) or past (`when=past`, newest first).
/// </summary>
public sealed record EventQuery(SearchQuery Search, bool Past)
{
    public const string Kind = "kind";
    public const string Sector = "sector";
    public const string Country = "country";
    public const string Format = "format";
    public const string Tag = "tag";

    /// <summary>Values of the <see cref="Format"/> facet.</summary>
    public const string Online = "online", InPerson = "in-person";

    public static readonly IReadOnlyList<string> Facets = [Kind, Format, Sector, Country, Tag];

    public static (EventQuery Query, IReadOnlyDictionary<string, Pages.ParameterError[]> Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var pairs = query.ToList();
        var parsed = SearchQuery.Parse(pairs.Where(p => p.Key != "when"), Facets, ignoreUnknown: true);
        var errors = new Dictionary<string, Pages.ParameterError[]>(parsed.Errors, StringComparer.Ordinal);
        var when = pairs.Where(p => p.Key == "when").SelectMany(p => p.Value).ToList();
        var past = false;
        if (when.Count > 1)
        {
            errors["when"] = [Pages.ParameterError.GivenTwice("when")];
        }
        else if (when.Count == 1 && !string.IsNullOrWhiteSpace(when[0]))
        {
            past = when[0] switch
            {
                "past" => true,
                "upcoming" => false,
                _ => (errors["when"] = [Pages.ParameterError.NotOneOf("when", ["upcoming", "past"], when[0]!)]) is null,
            };
        }
        // The two closed lists: a value outside them cannot be right (a country or a sector may merely have no event now).
        var kinds = parsed.Query.Values(Kind).Where(v => !Enum.TryParse<EventKind>(v, out _) || int.TryParse(v, out _)).ToList();
        if (kinds.Count > 0)
        {
            errors[Kind] = [.. kinds.Select(v => Pages.ParameterError.NotOneOf(Kind, Enum.GetNames<EventKind>(), v))];
        }
        var formats = parsed.Query.Values(Format).Where(v => v is not (Online or InPerson)).ToList();
        if (formats.Count > 0)
        {
            errors[Format] = [.. formats.Select(v => Pages.ParameterError.NotOneOf(Format, [Online, InPerson], v))];
        }
        return (new EventQuery(parsed.Query, past), errors);
    }

    public string ToQueryString(string? toggleFacet = null, string? toggleValue = null, int? page = null)
    {
        var query = Search.ToQueryString(toggleFacet, toggleValue, page, keepSort: false);
        return Past ? (query.Length == 0 ? "?" : query + "&") + "when=past" : query;
    }

    public EventQuery WithoutFilters() => this with { Search = Search with { Filters = new Dictionary<string, IReadOnlyList<string>>() } };
}

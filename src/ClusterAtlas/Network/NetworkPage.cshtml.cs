using ClusterAtlas.Caching;
using System.Globalization;
using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Network;

/// <summary>
/// The directory's network: every collaboration between published profiles, filtered by country, sector and label
/// with the directory's query-string names (a collaboration is shown when either side matches). The table is the
/// page; the graph is drawn over it by script where script runs. A filter value that is no country, sector or label
/// is reported with a 400, as the directory reports it, rather than shown as a network without collaborations.
/// </summary>
[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies)]
public class NetworkPageModel(NetworkIndex network, NetworkTableOrder tableOrder, DataLabels labels, Vocabularies.CountryList countryList) : PageModel
{
    /// <summary>More would not make a readable graph; the filters narrow it down. The table pages through them all.</summary>
    public const int MaxEdges = 1000;

    /// <summary>
    /// The table's rows on one page: the whole network's thousand rows made an 800 KB page that took a desktop browser
    /// a second to lay out (several on a phone).
    /// </summary>
    public const int PageSize = 100;

    /// <param name="StatedBy">The side that states a collaboration the other does not; null when both state it.</param>
    public sealed record Edge(NetworkProfile A, NetworkProfile B, bool Mutual, NetworkProfile? StatedBy);

    /// <summary>The table's page of collaborations.</summary>
    public IReadOnlyList<Edge> Edges { get; private set; } = [];
    public int TotalEdges { get; private set; }

    /// <summary>How many collaborations the graph draws: the first <see cref="MaxEdges"/>.</summary>
    public int DrawnEdges { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <summary>The filters as the pager's links carry them.</summary>
    public string FilterQuery { get; private set; } = "";
    public IReadOnlyList<(string Value, string Name)> CountryOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Name)> SectorOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Name)> LabelOptions { get; private set; } = [];
    public IReadOnlySet<string> Selected { get; private set; } = new HashSet<string>();
    public string GraphJson { get; private set; } = "{}";
    public IReadOnlyDictionary<string, Pages.ParameterError[]> Errors { get; private set; } = new Dictionary<string, Pages.ParameterError[]>();

    /// <summary>The two countries of a collaboration, or the one both are in.</summary>
    public string CountriesOf(Edge edge) => labels.CountryPair(edge.A.CountryCode, edge.B.CountryCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await network.CurrentAsync(cancellationToken);
        // The form sends "All" as an empty value: it is no filter.
        var countries = Request.Query[Facet.Country].OfType<string>().Where(Chosen).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sectors = Request.Query[Facet.Sector].OfType<string>().Where(Chosen).Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var id) ? id : -1).ToHashSet();
        var levels = Request.Query[Facet.Label].OfType<string>().Where(Chosen).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Selected = countries.Select(c => "country:" + c.ToUpperInvariant()).Concat(sectors.Select(s => "sector:" + s.ToString(CultureInfo.InvariantCulture))).Concat(levels.Select(l => "label:" + l.ToLowerInvariant())).ToHashSet();
        static bool Chosen(string value) => !string.IsNullOrWhiteSpace(value);
        CountryOptions = [.. snapshot.Graph.ByCountry.Keys.Select(c => (c, labels.Country(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
        SectorOptions = [.. snapshot.Graph.BySector.Keys
            .Where(snapshot.Terms.ContainsKey)
            .Select(id => (id.ToString(CultureInfo.InvariantCulture), labels.Term(snapshot.Terms[id]))).OrderBy(s => s.Item2, StringComparer.CurrentCulture)];
        LabelOptions = [.. Facet.ExcellenceLevels.Select(l => (Facet.ExcellenceCode(l), labels.FacetValue(Facet.Label, Facet.ExcellenceCode(l), null)))];
        var errors = UnknownValues(snapshot);
        var page = Request.Query["page"];
        if (page.Count > 1)
        {
            errors["page"] = [Pages.ParameterError.GivenTwice("page")];
        }
        Errors = errors;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var features = snapshot.Graph.Nodes;
        bool Matches(int node)
        {
            if (countries.Count > 0 && (features.Country(node) is not { } country || !countries.Contains(country)))
            {
                return false;
            }
            if (sectors.Count > 0 && !features.Sectors(node).ToArray().Any(sectors.Contains))
            {
                return false;
            }
            return levels.Count == 0 || levels.Contains(Facet.ExcellenceCode(snapshot.Directory.Entries[node].Label ?? ExcellenceLabel.None));
        }
        // In the table's order, kept per network snapshot; only the page's rows and the graph's are made into records.
        var all = tableOrder.Of(snapshot).Where(e => Matches(e.A) || Matches(e.B)).ToList();
        Edge WithSides((int A, int B, bool Mutual) e)
        {
            var (a, b) = (snapshot.Profiles[e.A], snapshot.Profiles[e.B]);
            return new(a, b, e.Mutual, e.Mutual ? null : snapshot.States(a.Id, b.Id) ? a : b);
        }
        TotalEdges = all.Count;
        PageCount = Math.Max(1, (TotalEdges + PageSize - 1) / PageSize);
        if (Pages.ParameterError.PageNumber(page) is not { } number || number > PageCount)
        {
            Errors = new Dictionary<string, Pages.ParameterError[]> { ["page"] = [Pages.ParameterError.NotAWholeNumber("page", PageCount, page[0] ?? "")] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        PageNumber = number;
        FilterQuery = string.Join('&', new[] { Facet.Country, Facet.Sector, Facet.Label }.SelectMany(key => Request.Query[key].OfType<string>().Where(Chosen)
            .Select(value => key + "=" + Uri.EscapeDataString(value))));
        Edges = [.. all.GetRange((PageNumber - 1) * PageSize, Math.Min(PageSize, TotalEdges - (PageNumber - 1) * PageSize)).Select(WithSides)];
        var drawn = all.Take(MaxEdges).Select(WithSides).ToList();
        DrawnEdges = drawn.Count;
        var nodes = drawn.SelectMany(e => new[] { e.A, e.B }).DistinctBy(p => p.Id)
            .Select(p => new { id = p.Slug, name = p.Name, country = p.CountryCode, match = Matches(p.Node) });
        GraphJson = JsonSerializer.Serialize(new
        {
            nodes,
            edges = drawn.Select(e => new { source = e.A.Slug, target = e.B.Slug, mutual = e.Mutual }),
        });
        return Page();
    }

    /// <summary>
    /// Filter values that name no country, sector or label, with the directory's messages. A country or sector that is
    /// known but has no collaboration is no error: its network is empty.
    /// </summary>
    private Dictionary<string, Pages.ParameterError[]> UnknownValues(NetworkSnapshot snapshot)
    {
        var errors = new Dictionary<string, Pages.ParameterError[]>(StringComparer.Ordinal);
        void Report(string parameter, Func<string, bool> isKnown, Func<string, Pages.ParameterError> error)
        {
            var unknown = Request.Query[parameter].OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v) && !isKnown(v)).ToList();
            if (unknown.Count > 0)
            {
                errors[parameter] = [.. unknown.Select(error)];
            }
        }
        Report(Facet.Country, code => code.Length == 2 && countryList.ByCode(code) is not null,
            code => new Pages.ParameterError("'{0}' is not an ISO 3166-1 alpha-2 country code (such as RS or DE).", code));
        Report(Facet.Sector, id => int.TryParse(id, CultureInfo.InvariantCulture, out var term)
                && snapshot.Terms.TryGetValue(term, out var known) && known.Vocabulary == Vocabularies.Vocabulary.SectoralIndustries,
            id => new Pages.ParameterError("'{0}' is not a known {1} value.", id, Facet.Sector));
        Report(Facet.Label, code => LabelOptions.Any(l => string.Equals(l.Value, code, StringComparison.OrdinalIgnoreCase)),
            code => new Pages.ParameterError("'{0}' is not a known {1} value.", code, Facet.Label));
        return errors;
    }
}

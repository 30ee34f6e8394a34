using System.Globalization;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using ClusterAtlas.Network;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Statistics;

/// <summary>
/// The statistics of a set of directory entries (the directory's results for a search): counts by country, region,
/// vocabulary, label and member-size class, members by type, the share of SMEs, and profiles per year of
/// publication and of establishment. Read from the in-memory directory, so no query runs per table.
/// </summary>
public sealed class ClusterStatistics(DataLabels labels, IStringLocalizer<SharedResource> T)
{
    public const string Country = "country", Region = "region", Sector = "sector", Emerging = "emerging", Technology = "technology",
        S3 = "s3", Label = "label", MemberSize = "member-size", MemberTypes = "member-types", SmeShare = "sme-share",
        Published = "published", Established = "established", Collaborations = "collaborations";

    public static readonly IReadOnlyList<string> TableIds = [Country, Region, Sector, Emerging, Technology, S3, Label, MemberSize, MemberTypes, SmeShare, Published, Established, Collaborations];

    public IReadOnlyList<StatisticsTable> Compute(IReadOnlyList<DirectoryEntry> entries, DirectorySnapshot? snapshot, NetworkSnapshot? network)
    {
        var clusters = (string)T["Cluster Organisations"];
        StatisticsTable Counted(string id, string title, string heading, IEnumerable<(string Key, string Label)> values, bool byCount = true)
        {
            var rows = values.GroupBy(v => v.Key).Select(g => new StatisticsRow(g.Key, g.First().Label, g.Count()));
            rows = byCount ? rows.OrderByDescending(r => r.Value).ThenBy(r => r.Label, StringComparer.CurrentCulture) : rows.OrderBy(r => r.Key, StringComparer.Ordinal);
            return new StatisticsTable(id, title, heading, clusters, [.. rows], OverTime: !byCount);
        }
        IEnumerable<(string, string)> TermsOf(string vocabulary) => entries.SelectMany(e => e.TermIds.Distinct()
            .Select(id => snapshot?.TermOf(id)).Where(t => t?.Vocabulary == vocabulary)
            .Select(t => (t!.Value.Label, labels.Term(vocabulary, t.Value.Label))));

        var withMembers = entries.Where(e => e.TotalMembers is > 0 && e.SmeMembers is not null).ToList();
        var smeSum = withMembers.Sum(e => (decimal)e.SmeMembers!.Value);
        var totalSum = withMembers.Sum(e => (decimal)e.TotalMembers!.Value);
        return
        [
            Counted(Country, T["Cluster organisations by country"], T["Country"],
                entries.Where(e => e.CountryCode is not null).Select(e => (e.CountryCode!, labels.Country(e.CountryCode)))),
            Counted(Region, T["Cluster organisations by region"], T["Region"],
                entries.Where(e => e.Region is not null).Select(e => (e.Region!, e.Region!))),
            Counted(Sector, T["Cluster organisations by sectoral industry"], T["Sectoral industry"], TermsOf(Vocabulary.SectoralIndustries)),
            Counted(Emerging, T["Cluster organisations by emerging industry"], T["Emerging industry"], TermsOf(Vocabulary.EmergingIndustries)),
            Counted(Technology, T["Cluster organisations by technology field"], T["Technology field"], TermsOf(Vocabulary.TechnologyFields)),
            Counted(S3, T["Cluster organisations by S3 EU priority area"], T["S3 EU priority area"], TermsOf(Vocabulary.S3PriorityAreas)),
            new(Label, T["Cluster organisations by Cluster Excellence Label"], T["Cluster Excellence Label"], clusters,
                [.. Facet.ExcellenceLevels.Select(level => Facet.ExcellenceCode(level))
                    .Select(code => new StatisticsRow(code, FacetValueWords.ExcellenceLabel(code, T), entries.Count(e => e.Label is { } l && Facet.ExcellenceCode(l) == code)))]),
            new(MemberSize, T["Cluster organisations by number of members"], T["Number of members"], clusters,
                [.. Facet.MemberRanges.Select(r => new StatisticsRow(r.Value, FacetValueWords.MemberRange(r.Value, T), entries.Count(e => Facet.MemberRange(e.TotalMembers) == r.Value)))]),
            new(MemberTypes, T["Members by type"], T["Type of member"], T["Members"],
            [
                new("sme", T["SMEs"], entries.Sum(e => (decimal)(e.SmeMembers ?? 0))),
                new("startup", T["Start-ups"], entries.Sum(e => (decimal)(e.StartupMembers ?? 0))),
                new("large", T["Large companies"], entries.Sum(e => (decimal)(e.LargeCompanyMembers ?? 0))),
                new("research", T["Research organisations, universities and technology centres"], entries.Sum(e => (decimal)(e.ResearchOrganisationMembers ?? 0))),
                new("other", T["Other ecosystem actors"], entries.Sum(e => (decimal)(e.OtherEcosystemActors ?? 0))),
            ]),
            new(SmeShare, T["Share of SMEs among members"], T["Members"], T["Value"],
            [
                new("sme-members", T["SME members"], smeSum),
                new("all-members", T["All members"], totalSum),
                new("sme-percent", T["SMEs in per cent of all members"], totalSum == 0 ? 0 : Math.Round(100 * smeSum / totalSum, 1)),
                new("profiles", T["Cluster organisations that give both numbers"], withMembers.Count),
            ]),
            Counted(Published, T["Cluster organisations published per year"], T["Year"],
                entries.Where(e => e.PublishedAt is not null).Select(e => Year(e.PublishedAt!.Value.Year)), byCount: false),
            Counted(Established, T["Cluster organisations by year of establishment"], T["Year"],
                entries.Where(e => e.EstablishedYear is not null).Select(e => Year(e.EstablishedYear!.Value)), byCount: false),
            BetweenCountries(entries, network),
        ];
    }

    /// <summary>
    /// Collaborations between published profiles (the network's: either side states it and it is linked), per pair of
    /// their countries, with how many of them both sides state. A collaboration counts when either side is among the
    /// results, so "statistics of these results" for Serbia shows whom Serbian clusters work with.
    /// </summary>
    private StatisticsTable BetweenCountries(IReadOnlyList<DirectoryEntry> entries, NetworkSnapshot? network)
    {
        var pairs = new Dictionary<(string, string), (int All, int Mutual)>();
        if (network is not null && entries.Count > 0)
        {
            var results = new HashSet<int>(entries.Count);
            foreach (var e in entries)
            {
                results.Add(e.Id);
            }
            foreach (var (a, b, mutual) in network.Edges())
            {
                if (a.CountryCode is null || b.CountryCode is null || !(results.Contains(a.Id) || results.Contains(b.Id)))
                {
                    continue;
                }
                var key = string.CompareOrdinal(a.CountryCode, b.CountryCode) <= 0 ? (a.CountryCode, b.CountryCode) : (b.CountryCode, a.CountryCode);
                var (all, both) = pairs.GetValueOrDefault(key);
                pairs[key] = (all + 1, both + (mutual ? 1 : 0));
            }
        }
        var rows = pairs.Select(p => new StatisticsRow($"{p.Key.Item1}-{p.Key.Item2}",
                p.Key.Item1 == p.Key.Item2
                    ? string.Format(CultureInfo.CurrentCulture, T["Within {0}"], labels.Country(p.Key.Item1))
                    : $"{labels.Country(p.Key.Item1)} – {labels.Country(p.Key.Item2)}",
                p.Value.All, p.Value.Mutual))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        return new StatisticsTable(Collaborations, T["Collaborations between countries"], T["Countries"], T["Collaborations"], rows)
        {
            SecondHeading = T["Stated by both sides"],
        };
    }

    private static (string, string) Year(int year) => (year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture));
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using ClusterAtlas.Map;
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

    /// <summary>What is kept beside a directory snapshot for one network snapshot: each entry's graph node, and the whole directory's tables per language.</summary>
    private sealed class Kept(DirectorySnapshot snapshot, NetworkSnapshot? network)
    {
        public NetworkSnapshot? Network { get; } = network;

        /// <summary>Each entry's node in the network's graph, or -1 (not in this network snapshot).</summary>
        public int[] NodeOf { get; } = network is null ? [] : [.. snapshot.Entries.Select(e => network.NodeOf(e.Id))];

        public ConcurrentDictionary<string, IReadOnlyList<StatisticsTable>> WholeDirectory { get; } = new(StringComparer.Ordinal);
    }

    private static readonly ConditionalWeakTable<DirectorySnapshot, Kept> KeptBySnapshot = new();

    /// <summary>The latest network's <see cref="Kept"/> for the snapshot (an older network's is replaced, so it is not held on to).</summary>
    private static Kept KeptFor(DirectorySnapshot snapshot, NetworkSnapshot? network)
    {
        if (KeptBySnapshot.TryGetValue(snapshot, out var kept) && ReferenceEquals(kept.Network, network))
        {
            return kept;
        }
        kept = new Kept(snapshot, network);
        KeptBySnapshot.AddOrUpdate(snapshot, kept);
        return kept;
    }

    /// <summary>
    /// The tables of a result set: one pass over its positions counts into arrays (see <see cref="StatisticsBasis"/>),
    /// then the values that occur are named; the collaborations are counted over the network's country pairs. The
    /// whole directory's are kept per language until the directory or the network changes.
    /// </summary>
    public IReadOnlyList<StatisticsTable> Compute(ResultsView results, NetworkSnapshot? network)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Snapshot is not { } snapshot)
        {
            return Count(results, null, network);
        }
        var kept = KeptFor(snapshot, network);
        return results.Positions.Length == snapshot.Entries.Count
            ? kept.WholeDirectory.GetOrAdd($"{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}", _ => Count(results, kept, network))
            : Count(results, kept, network);
    }

    private List<StatisticsTable> Count(ResultsView results, Kept? kept, NetworkSnapshot? network)
    {
        var clusters = (string)T["Cluster Organisations"];
        var snapshot = results.Snapshot;
        var positions = snapshot is null ? [] : results.Positions;
        var basis = snapshot is null ? null : StatisticsBasis.Of(snapshot);
        var entries = snapshot?.Entries ?? [];

        var byCountry = new int[basis?.Countries.Length ?? 0];
        var byRegion = new int[basis?.Regions.Length ?? 0];
        var byTerm = basis?.Terms.Select(t => new int[t.Labels.Length]).ToArray() ?? [];
        var byLabel = new int[Facet.ExcellenceLevels.Count];
        var byMemberRange = new int[Facet.MemberRanges.Count];
        var published = new Dictionary<int, int>();
        var established = new Dictionary<int, int>();
        long sme = 0, startups = 0, large = 0, research = 0, others = 0, smeOfThoseWithBoth = 0, allOfThoseWithBoth = 0;
        var withBoth = 0;
        foreach (var p in positions)
        {
            var e = entries[p];
            Increment(byCountry, basis!.CountryOf[p]);
            Increment(byRegion, basis.RegionOf[p]);
            for (var v = 0; v < byTerm.Length; v++)
            {
                foreach (var label in basis.Terms[v].Of(p))
                {
                    byTerm[v][label]++;
                }
            }
            Increment(byLabel, basis.LabelOf[p]);
            Increment(byMemberRange, basis.MemberRangeOf[p]);
            if (e.PublishedAt is { } publishedAt)
            {
                published[publishedAt.Year] = published.GetValueOrDefault(publishedAt.Year) + 1;
            }
            if (e.EstablishedYear is { } year)
            {
                established[year] = established.GetValueOrDefault(year) + 1;
            }
            (sme, startups, large, research, others) = (sme + (e.SmeMembers ?? 0), startups + (e.StartupMembers ?? 0), large + (e.LargeCompanyMembers ?? 0),
                research + (e.ResearchOrganisationMembers ?? 0), others + (e.OtherEcosystemActors ?? 0));
            if (e.TotalMembers is { } total && total > 0 && e.SmeMembers is { } smeMembers)
            {
                (withBoth, smeOfThoseWithBoth, allOfThoseWithBoth) = (withBoth + 1, smeOfThoseWithBoth + smeMembers, allOfThoseWithBoth + total);
            }
        }

        StatisticsTable ByCount(string id, string title, string heading, IEnumerable<StatisticsRow> rows) =>
            new(id, title, heading, clusters, [.. rows.OrderByDescending(r => r.Value).ThenBy(r => r.Label, StringComparer.CurrentCulture)]);
        StatisticsTable ByYear(string id, string title, Dictionary<int, int> counts) =>
            new(id, title, T["Year"], clusters, [.. counts.Select(c => YearRow(c.Key, c.Value)).OrderBy(r => r.Key, StringComparer.Ordinal)], OverTime: true);
        IEnumerable<StatisticsRow> Occurring(string[] keys, int[] counts, Func<string, string> label) =>
            keys.Select((key, i) => (key, count: counts[i])).Where(k => k.count > 0).Select(k => new StatisticsRow(k.key, label(k.key), k.count));
        StatisticsTable Terms(string id, string title, string heading, string vocabulary)
        {
            var v = StatisticsBasis.IndexOfVocabulary(vocabulary);
            return ByCount(id, title, heading, basis is null ? [] : Occurring(basis.Terms[v].Labels, byTerm[v], label => labels.Term(vocabulary, label)));
        }

        decimal smeSum = smeOfThoseWithBoth, totalSum = allOfThoseWithBoth;
        return
        [
            ByCount(Country, T["Cluster organisations by country"], T["Country"], Occurring(basis?.Countries ?? [], byCountry, code => labels.Country(code))),
            ByCount(Region, T["Cluster organisations by region"], T["Region"], Occurring(basis?.Regions ?? [], byRegion, region => region)),
            Terms(Sector, T["Cluster organisations by sectoral industry"], T["Sectoral industry"], Vocabulary.SectoralIndustries),
            Terms(Emerging, T["Cluster organisations by emerging industry"], T["Emerging industry"], Vocabulary.EmergingIndustries),
            Terms(Technology, T["Cluster organisations by technology field"], T["Technology field"], Vocabulary.TechnologyFields),
            Terms(S3, T["Cluster organisations by S3 EU priority area"], T["S3 EU priority area"], Vocabulary.S3PriorityAreas),
            new(Label, T["Cluster organisations by Cluster Excellence Label"], T["Cluster Excellence Label"], clusters,
                [.. Facet.ExcellenceLevels.Select((level, i) => new StatisticsRow(Facet.ExcellenceCode(level), FacetValueWords.ExcellenceLabel(Facet.ExcellenceCode(level), T), byLabel[i]))]),
            new(MemberSize, T["Cluster organisations by number of members"], T["Number of members"], clusters,
                [.. Facet.MemberRanges.Select((r, i) => new StatisticsRow(r.Value, FacetValueWords.MemberRange(r.Value, T), byMemberRange[i]))]),
            new(MemberTypes, T["Members by type"], T["Type of member"], T["Members"],
            [
                new("sme", T["SMEs"], sme),
                new("startup", T["Start-ups"], startups),
                new("large", T["Large companies"], large),
                new("research", T["Research organisations, universities and technology centres"], research),
                new("other", T["Other ecosystem actors"], others),
            ]),
            new(SmeShare, T["Share of SMEs among members"], T["Members"], T["Value"],
            [
                new("sme-members", T["SME members"], smeSum),
                new("all-members", T["All members"], totalSum),
                new("sme-percent", T["SMEs in per cent of all members"], totalSum == 0 ? 0 : Math.Round(100 * smeSum / totalSum, 1)),
                new("profiles", T["Cluster organisations that give both numbers"], withBoth),
            ]),
            ByYear(Published, T["Cluster organisations published per year"], published),
            ByYear(Established, T["Cluster organisations by year of establishment"], established),
            BetweenCountries(positions, kept, network),
        ];
    }

    private static StatisticsRow YearRow(int year, int count)
    {
        var key = year.ToString(CultureInfo.InvariantCulture);
        return new StatisticsRow(key, key, count);
    }

    private static void Increment(int[] counts, int index)
    {
        if (index >= 0)
        {
            counts[index]++;
        }
    }

    /// <summary>
    /// Collaborations between published profiles (the network's: either side states it and it is linked), per pair of
    /// their countries, with how many of them both sides state. A collaboration counts when either side is among the
    /// results, so "statistics of these results" for Serbia shows whom Serbian clusters work with. The pairs and their
    /// collaborations are the network snapshot's (<see cref="CountryPairEdges"/>); the results mark their graph nodes.
    /// </summary>
    private StatisticsTable BetweenCountries(int[] positions, Kept? kept, NetworkSnapshot? network)
    {
        var rows = new List<StatisticsRow>();
        if (network is not null && kept is not null && positions.Length > 0)
        {
            var nodes = new ulong[(network.Profiles.Count + 63) / 64];
            foreach (var p in positions)
            {
                if (kept.NodeOf[p] is var node && node >= 0)
                {
                    nodes[node >> 6] |= 1UL << node;
                }
            }
            var pairs = network.CountryPairs;
            var counts = pairs.Count(nodes);
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i].All == 0)
                {
                    continue;
                }
                var (first, second) = pairs.Pairs[i];
                rows.Add(new StatisticsRow($"{first}-{second}", labels.CountryPair(first, second), counts[i].All, counts[i].Mutual));
            }
        }
        return new StatisticsTable(Collaborations, T["Collaborations between countries"], T["Countries"], T["Collaborations"],
            [.. rows.OrderByDescending(r => r.Value).ThenBy(r => r.Label, StringComparer.CurrentCulture)])
        {
            SecondHeading = T["Stated by both sides"],
        };
    }
}

using ClusterAtlas.Profiles;

namespace ClusterAtlas.Calls;

/// <summary>What of a profile a call can fit: its country and its sectors, technology fields and S3 areas (term ids).</summary>
public sealed record CallFit(string? Country, IReadOnlySet<int> Sectors, IReadOnlySet<int> Technologies, IReadOnlySet<int> S3Areas);

/// <summary>An open call that fits a profile: its score and what it shares with the profile, strongest kind first.</summary>
public sealed record RankedCall(CallSummary Call, int Score, IReadOnlyList<CallSummaryTerm> Shared, bool CountryNamed);

/// <summary>
/// "Calls for you": the open calls that share sectors, technology fields or S3 areas with a profile, best fit first.
/// Eligibility is a filter, not a score: a call that names countries and not the profile's is left out, and naming
/// it adds nothing. A shared sector weighs most (it says who the call is for), then technology fields and S3 areas;
/// equal fits go by the deadline, soonest first.
/// </summary>
public static class CallRanking
{
    public const int SectorWeight = 3;
    public const int TechnologyWeight = 2;
    public const int S3AreaWeight = 2;

    public static IReadOnlyList<RankedCall> Rank(CallFit profile, IEnumerable<CallSummary> calls, DateTimeOffset now)
    {
        var ranked = new List<RankedCall>();
        foreach (var call in calls)
        {
            if (call.StatusAt(now) != CallStatus.Open)
            {
                continue;
            }
            var countryNamed = profile.Country is not null && call.EligibleCountries.Contains(profile.Country, StringComparer.OrdinalIgnoreCase);
            if (call.EligibleCountries.Count > 0 && !countryNamed)
            {
                continue;
            }
            var shared = call.Terms.Where(t => SetOf(profile, t.Field).Contains(t.Id)).OrderBy(t => Order(t.Field)).ToList();
            var score = shared.Sum(t => Weight(t.Field));
            if (score > 0)
            {
                ranked.Add(new RankedCall(call, score, shared, countryNamed));
            }
        }
        return [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Call.ClosesAt).ThenBy(r => r.Call.Id)];
    }

    private static IReadOnlySet<int> SetOf(CallFit profile, ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => profile.Sectors,
        ProfileField.TechnologyField => profile.Technologies,
        ProfileField.S3PriorityArea => profile.S3Areas,
        _ => new HashSet<int>(),
    };

    private static int Weight(ProfileField field) => field == ProfileField.SectoralIndustry ? SectorWeight
        : field == ProfileField.TechnologyField ? TechnologyWeight : S3AreaWeight;

    private static int Order(ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => 0,
        ProfileField.TechnologyField => 1,
        _ => 2,
    };
}

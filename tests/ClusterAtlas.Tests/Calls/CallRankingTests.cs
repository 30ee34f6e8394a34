using ClusterAtlas.Calls;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Tests.Calls;

/// <summary>"Calls for you" on hand-made calls and profiles: fit by shared terms, eligibility as a filter, the deadline as the tie-break.</summary>
public sealed class CallRankingTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CallSummaryTerm Sector(int id) => new(ProfileField.SectoralIndustry, id, "sectoral-industries", $"Sector {id}");

    private static CallSummaryTerm Technology(int id) => new(ProfileField.TechnologyField, id, "technology-fields", $"Technology {id}");

    private static CallSummaryTerm S3(int id) => new(ProfileField.S3PriorityArea, id, "s3-priority-areas", $"Area {id}");

    private static CallSummary Call(int id, int closesInDays, string[] countries, params CallSummaryTerm[] terms) =>
        new(id, $"call-{id}", $"Call {id}", "Horizon Europe", null, null, Now.AddDays(closesInDays), "Europe/Brussels", Now.AddDays(-10),
            countries, terms, [], "");

    private static readonly CallFit Profile = new("RS", new HashSet<int> { 1, 2 }, new HashSet<int> { 10 }, new HashSet<int> { 20 });

    [Fact]
    public void A_shared_sector_outweighs_a_shared_technology_field_and_more_shared_terms_rank_higher()
    {
        var ranked = CallRanking.Rank(Profile, [
            Call(1, 10, [], Technology(10)),
            Call(2, 30, [], Sector(1)),
            Call(3, 60, [], Sector(1), Sector(2), S3(20)),
            Call(4, 5, [], Sector(99), Technology(98)),
        ], Now);
        Assert.Equal([3, 2, 1], ranked.Select(r => r.Call.Id));
        Assert.Equal(2 * CallRanking.SectorWeight + CallRanking.S3AreaWeight, ranked[0].Score);
        Assert.Equal([1, 2, 20], ranked[0].Shared.Select(t => t.Id));
    }

    [Fact]
    public void Eligibility_filters_and_does_not_score()
    {
        var ranked = CallRanking.Rank(Profile, [
            Call(1, 10, ["DE", "AT"], Sector(1), Sector(2)),
            Call(2, 20, ["RS", "HR"], Sector(1)),
            Call(3, 15, [], Sector(1)),
        ], Now);
        Assert.Equal([3, 2], ranked.Select(r => r.Call.Id));
        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.False(ranked[0].CountryNamed);
        Assert.True(ranked[1].CountryNamed);
    }

    [Fact]
    public void Equal_fits_go_by_the_deadline_and_closed_or_forthcoming_calls_are_left_out()
    {
        var forthcoming = Call(4, 40, [], Sector(1)) with { OpensOn = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(5) };
        var ranked = CallRanking.Rank(Profile, [Call(1, 30, [], Sector(1)), Call(2, 3, [], Sector(2)), Call(3, -1, [], Sector(1)), forthcoming], Now);
        Assert.Equal([2, 1], ranked.Select(r => r.Call.Id));
    }

    [Fact]
    public void A_profile_without_a_country_sees_no_call_that_names_countries()
    {
        var ranked = CallRanking.Rank(Profile with { Country = null }, [Call(1, 10, ["RS"], Sector(1)), Call(2, 10, [], Sector(1))], Now);
        Assert.Equal([2], ranked.Select(r => r.Call.Id));
    }

    [Fact]
    public void The_deadline_is_the_end_of_the_day_in_Brussels_unless_a_time_is_given()
    {
        var zone = CallDates.Zone("Europe/Brussels")!;
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 21, 59, 0, TimeSpan.Zero), CallDates.Instant(new DateOnly(2027, 3, 31), CallDates.EndOfDay, zone));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 16, 0, 0, TimeSpan.Zero), CallDates.Instant(new DateOnly(2027, 1, 15), new TimeOnly(17, 0), zone));
        Assert.Equal(CallStatus.Open, CallDates.Status(null, new DateTimeOffset(2027, 3, 1, 16, 0, 0, TimeSpan.Zero), "Europe/Brussels", Now.AddHours(3).AddMinutes(59)));
        Assert.Equal(CallStatus.Closed, CallDates.Status(null, new DateTimeOffset(2027, 3, 1, 16, 0, 0, TimeSpan.Zero), "Europe/Brussels", Now.AddHours(4)));
        Assert.Equal(CallStatus.Forthcoming, CallDates.Status(new DateOnly(2027, 3, 2), Now.AddDays(30), "Europe/Brussels", Now));
    }
}

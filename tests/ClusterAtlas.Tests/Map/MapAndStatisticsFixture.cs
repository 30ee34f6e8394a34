using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Map;

/// <summary>A small directory whose numbers are known: four published profiles and a draft, with collaborations across borders.</summary>
public sealed class MapAndStatisticsFixture : IAsyncLifetime
{
    public EmptyDatabaseFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        var novi = MapScenarios.Published("Novi Sad Metal Works", "RS", "Novi Sad", "Vojvodina");
        (novi.TotalMembers, novi.SmeMembers, novi.StartupMembers, novi.LargeCompanyMembers, novi.ResearchOrganisationMembers, novi.OtherEcosystemActors) = (40, 30, 5, 2, 3, 1);
        (novi.ExcellenceLabel, novi.EstablishedOn) = (ExcellenceLabel.Bronze, new DateOnly(2011, 10, 21));
        var pozega = MapScenarios.Published("Pozega Wood Cluster", "HR", "Požega");
        (pozega.TotalMembers, pozega.SmeMembers, pozega.EstablishedOn) = (10, 9, new DateOnly(2015, 1, 1));
        pozega.PublishedAt = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var belgrade = MapScenarios.Published("Belgrade ICT Network", "RS", null, "Central Serbia");
        (belgrade.TotalMembers, belgrade.ExcellenceLabel) = (300, ExcellenceLabel.Gold);
        var vienna = MapScenarios.Published("Vienna Metal Alliance", "AT", "Wien");
        var draft = MapScenarios.Published("Draft Metal Cluster", "RS", "Novi Sad");
        draft.Status = ProfileStatus.Draft;
        draft.PublishedAt = null;
        // Collaborations between countries: Novi Sad and Vienna both state theirs, the others one side only; the draft's is no collaboration.
        novi.CollaboratingClusters.Add(new() { Name = "Vienna Metal Alliance", CountryCode = "AT" });
        vienna.CollaboratingClusters.Add(new() { Name = "Novi Sad Metal Works", CountryCode = "RS" });
        vienna.CollaboratingClusters.Add(new() { Name = "Pozega Wood Cluster", CountryCode = "HR", SortOrder = 1 });
        pozega.CollaboratingClusters.Add(new() { Name = "Belgrade ICT Network", CountryCode = "RS" });
        belgrade.CollaboratingClusters.Add(new() { Name = "Novi Sad Metal Works", CountryCode = "RS" });
        draft.CollaboratingClusters.Add(new() { Name = "Vienna Metal Alliance", CountryCode = "AT" });
        await App.AddAsync(
            (novi, ["Metalworking Technology"]),
            (pozega, ["Wood Products"]),
            (belgrade, ["Information Technology and Analytical Instruments"]),
            (vienna, ["Metalworking Technology", "Information Technology and Analytical Instruments"]),
            (draft, ["Metalworking Technology"]));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

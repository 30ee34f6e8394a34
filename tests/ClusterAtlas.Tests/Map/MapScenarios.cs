using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Map;

/// <summary>Published profiles stored as the app stores them (located on save, indexed for full text), for the map and statistics tests.</summary>
public static class MapScenarios
{
    public static ClusterOrganisation Published(string name, string? country, string? city = null, string? region = null) => new()
    {
        Name = name,
        Slug = TextFolding.Slug(name),
        CountryCode = country,
        City = city,
        RegionName = region,
        Status = ProfileStatus.Published,
        PublishedAt = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Stores the profiles, each with the sectoral industries named, and indexes them.</summary>
    public static async Task AddAsync(this ClusterAtlasFactory app, params (ClusterOrganisation Profile, string[] Sectors)[] profiles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>();
        var terms = await db.VocabularyTerms.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries).ToDictionaryAsync(t => t.Label);
        foreach (var (profile, sectors) in profiles)
        {
            var order = 0;
            foreach (var sector in sectors)
            {
                profile.Terms.Add(new ProfileTerm { Field = ProfileField.SectoralIndustry, VocabularyTermId = terms[sector].Id, SortOrder = order++ });
            }
            db.ClusterOrganisations.Add(profile);
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<SearchIndexWriter>().IndexAsync(db, [.. profiles.Select(p => p.Profile.Id)], CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<DirectoryIndex>().MarkStale();
        // (Written here, not through the write path: the network is told as that path tells it.)
        scope.ServiceProvider.GetRequiredService<ClusterAtlas.Network.NetworkIndex>().MarkStale();
    }

    public static Task<ClusterOrganisation> ProfileAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Slug == slug));
}

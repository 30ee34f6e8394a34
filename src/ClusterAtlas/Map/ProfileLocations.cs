using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Map;

/// <summary>
/// Locates the stored profiles that have no location yet (those stored before locations were computed): on every
/// start, after migrations. Rows are updated in place, grouped by their point, without touching their content's
/// timestamps or concurrency tokens (the address did not change).
/// </summary>
public sealed class ProfileLocations(ClusterAtlasDbContext db, ProfileLocator locator, ClusterDirectory.DirectoryIndex directory, ILogger<ProfileLocations> logger)
{
    public async Task<int> LocateUnlocatedAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.LocationPrecision == null)
            .Select(p => new { p.Id, p.CountryCode, p.City, p.RegionName, p.NutsCode, p.Latitude, p.Longitude })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }
        var groups = rows
            .Select(r =>
            {
                var profile = new ClusterOrganisation
                {
                    Name = "", Slug = "", CountryCode = r.CountryCode, City = r.City, RegionName = r.RegionName, NutsCode = r.NutsCode,
                    Latitude = r.Latitude, Longitude = r.Longitude,
                };
                locator.Apply(profile);
                return (r.Id, Point: (profile.Latitude, profile.Longitude, profile.LocationPrecision));
            })
            .Where(r => r.Point.LocationPrecision is not null)
            .GroupBy(r => r.Point, r => r.Id);
        var located = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in groups)
        {
            var (latitude, longitude, precision) = group.Key;
            foreach (var ids in group.Chunk(500))
            {
                located += await db.ClusterOrganisations.Where(p => ids.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Latitude, latitude).SetProperty(p => p.Longitude, longitude)
                        .SetProperty(p => p.LocationPrecision, precision), cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        directory.MarkStale();
        logger.LogInformation("Located {Count} profiles stored without a location", located);
        return located;
    }
}

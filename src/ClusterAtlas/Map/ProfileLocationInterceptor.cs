using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClusterAtlas.Map;

/// <summary>
/// Locates every profile EF saves (registration, edits, imports, reverts): a new profile, or one whose address
/// changed, gets its point from <see cref="ProfileLocator"/>; coordinates an editor typed are kept as set by hand,
/// and clearing them lets the address decide again. Being an interceptor, no save path can forget it.
/// </summary>
public sealed class ProfileLocationInterceptor(ProfileLocator locator) : SaveChangesInterceptor
{
    private static readonly string[] AddressProperties =
        [nameof(ClusterOrganisation.City), nameof(ClusterOrganisation.CountryCode), nameof(ClusterOrganisation.RegionName), nameof(ClusterOrganisation.NutsCode)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Locate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Locate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Locate(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<ClusterOrganisation>())
        {
            var profile = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                locator.Apply(profile);
                continue;
            }
            if (entry.State != EntityState.Modified)
            {
                continue;
            }
            var coordinatesChanged = Changed(entry, nameof(ClusterOrganisation.Latitude)) || Changed(entry, nameof(ClusterOrganisation.Longitude));
            if (coordinatesChanged)
            {
                // Typed by an editor: theirs. Cleared: the address decides again.
                profile.LocationPrecision = profile.Latitude is not null && profile.Longitude is not null ? LocationPrecision.Exact : null;
                if (profile.LocationPrecision is null)
                {
                    locator.Apply(profile);
                }
            }
            else if (profile.LocationPrecision is null || AddressProperties.Any(p => Changed(entry, p)))
            {
                locator.Apply(profile);
            }
        }
    }

    private static bool Changed(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<ClusterOrganisation> entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }
}

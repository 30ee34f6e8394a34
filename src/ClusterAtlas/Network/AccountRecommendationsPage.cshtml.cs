using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// In the account: for each profile the member administers, the clusters it could work with and why, each with the
/// "not relevant" button of the profile's network page (which checks again that the member may decide for it).
/// </summary>
[Authorize]
public class AccountRecommendationsPageModel(ClusterAtlasDbContext db, NetworkIndex network, PartnerSuggestions suggestions) : PageModel
{
    public sealed record ForProfile(string Slug, string Name, bool Published, IReadOnlyList<RecommendedCluster> Clusters);

    public IReadOnlyList<ForProfile> Profiles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var administered = await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ClusterOrganisation.Name).ThenBy(a => a.ClusterOrganisation.Slug)
            .Select(a => new { Id = a.ClusterOrganisationId, a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name })
            .ToListAsync(cancellationToken);
        var snapshot = await network.CurrentAsync(cancellationToken, fresh: true);
        var profiles = new List<ForProfile>(administered.Count);
        foreach (var profile in administered)
        {
            var node = snapshot.Find(profile.Id);
            profiles.Add(new ForProfile(profile.Slug, profile.Name, node is not null,
                node is null ? [] : await suggestions.CouldWorkWithAsync(snapshot, node, ProfileNetworkBlock.Shown, cancellationToken)));
        }
        Profiles = profiles;
        return Page();
    }
}

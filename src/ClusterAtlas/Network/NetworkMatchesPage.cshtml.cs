using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// The profile's administrators confirm or reject the profiles its collaborating clusters may be, and dismiss
/// recommendations. Every request checks again that the user may edit this profile; a link or profile of another
/// profile is refused as not found.
/// </summary>
[Authorize]
public class NetworkMatchesPageModel(ClusterAtlasDbContext db, NetworkIndex network, NetworkDecisions decisions, IAuthorizationService authorization) : PageModel
{
    public sealed record Proposal(NetworkLink Link, string CandidateName, string CandidateSlug);

    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public IReadOnlyList<Proposal> Decided { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Done = done is "confirmed" or "rejected" or "dismissed" ? done : null;
        // A check matches the profiles written without matching (this one's collaborations saved another way); then the
        // links as they are now, from the database: the editors expect their last decision.
        await network.CurrentAsync(cancellationToken, fresh: true);
        var links = await db.Set<NetworkLink>().AsNoTracking().Where(l => l.ProfileId == Profile.Id).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.PartnerProfileId).Distinct().ToList();
        var names = await db.ClusterOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Slug }).ToDictionaryAsync(p => p.Id, cancellationToken);
        Proposal Of(NetworkLink l) => new(l, names.GetValueOrDefault(l.PartnerProfileId)?.Name ?? "", names.GetValueOrDefault(l.PartnerProfileId)?.Slug ?? "");
        Proposals = [.. links.Where(l => l.State == LinkState.Proposed).OrderBy(l => l.PartnerName).ThenByDescending(l => l.Score).Select(Of)];
        Decided = [.. links.Where(l => l.State is LinkState.Confirmed or LinkState.Rejected).OrderBy(l => l.PartnerName).Select(Of)];
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(string slug, long linkId, CancellationToken cancellationToken) =>
        DecideAsync(slug, linkId, confirm: true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string slug, long linkId, CancellationToken cancellationToken) =>
        DecideAsync(slug, linkId, confirm: false, cancellationToken);

    /// <summary>Marks a recommendation not relevant; back to the account's list when <paramref name="from"/> is "account", else to the profile.</summary>
    public async Task<IActionResult> OnPostDismissAsync(string slug, int dismissedProfileId, string? from, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await decisions.DismissAsync(Profile.Id, dismissedProfileId, User.UserId(), cancellationToken);
        return Redirect(from == "account" ? $"/account/recommendations#for-{Profile.Slug}" : $"/cluster-organisations/{Profile.Slug}#network");
    }

    private async Task<IActionResult> DecideAsync(string slug, long linkId, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!await decisions.DecideAsync(Profile.Id, linkId, confirm, User.UserId(), cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/cluster-organisations/{Profile.Slug}/network?done={(confirm ? "confirmed" : "rejected")}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.AsNoTracking().Include(p => p.Administrators).SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        if (!await authorization.MayEditAsync(User, profile))
        {
            return Forbid();
        }
        Profile = profile;
        return null;
    }
}

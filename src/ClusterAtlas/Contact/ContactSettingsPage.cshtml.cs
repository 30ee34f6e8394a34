using ClusterAtlas.Accounts;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Contact;

/// <summary>
/// The profile's one contact setting, for those who may edit it: hide its phone numbers (its own and its team's) and
/// rely on contact requests. A setting, not content: it is not in the profile schema, its revisions or the moderators'
/// feed (see docs/decisions/0016-contact-requests.md).
/// </summary>
[Authorize]
public class ContactSettingsPageModel(ClusterAtlasDbContext db, IAuthorizationService authorization, DirectoryIndex directory) : PageModel
{
    public ClusterOrganisation Profile { get; private set; } = null!;

    [BindProperty]
    public bool RelyOnContactRequests { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        RelyOnContactRequests = Profile.RelyOnContactRequests;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Profile.RelyOnContactRequests = RelyOnContactRequests;
        await db.SaveChangesAsync(cancellationToken);
        // Cached pages and cards show phone numbers or not: they are made again.
        directory.MarkStale();
        return Redirect($"/cluster-organisations/{Uri.EscapeDataString(slug)}/contact-settings?saved=true");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
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

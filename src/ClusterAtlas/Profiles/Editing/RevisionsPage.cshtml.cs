using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>The history of a profile, newest first, each save with its readable changes; for those who may edit it.</summary>
[Authorize]
public class RevisionsPageModel(ClusterAtlasDbContext db, ProfileEditor editor, EditableProfiles editable) : PageModel
{
    public const int PageSize = 20;

    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<RevisionEntry> Revisions { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    // Not "page": Razor Pages uses that name for the page's own route value.
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var revisions = db.ProfileRevisions.AsNoTracking().Where(r => r.ClusterOrganisationId == Profile.Id);
        var total = await revisions.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(pageNumber, 1, PageCount);
        var shown = await revisions
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var diff = await editor.DiffAsync(cancellationToken);
        Revisions = [.. shown.Select(r => new RevisionEntry(r, diff.Compare(ProfileForm.FromJson(r.BeforeJson), ProfileForm.FromJson(r.AfterJson))))];
        return Page();
    }

    /// <summary>Nothing is posted here; a post is refused like a get, else answered "method not allowed".</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Response.Headers.Allow = "GET";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var loaded = await editable.FindAsync(User, slug, withContent: false, cancellationToken);
        if (!loaded.Found)
        {
            return loaded.Refusal;
        }
        var profile = loaded.Profile;
        Profile = profile;
        return null;
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Logos;

/// <summary>
/// The profile's logo: upload one (checked by its content, an SVG cleaned) or remove it. Only those who may edit
/// the profile; each change is a revision of the profile like any edit.
/// </summary>
[Authorize]
// A little over the largest logo, so that an oversized file still reaches the check and gets its message.
[RequestSizeLimit(2 * LogoFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * LogoFile.MaxBytes)]
public class ProfileLogoPageModel(ProfileEditor editor, EditableProfiles editable, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public IFormFile? Logo { get; set; }

    public ClusterOrganisation Profile { get; private set; } = null!;

    /// <summary>What the last post did: "saved" or "removed".</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (Logo is null || Logo.Length == 0)
        {
            return Refuse(T["Choose the file of the logo."]);
        }
        if (Logo.Length > LogoFile.MaxBytes)
        {
            return Refuse(T["The logo may be at most 1 MB; this file has {0:N0} KB.", Logo.Length / 1024]);
        }
        using var content = new MemoryStream();
        await Logo.CopyToAsync(content, cancellationToken);
        var (file, refusalReason) = LogoFile.Read(content.ToArray());
        if (file is null)
        {
            return Refuse(refusalReason == LogoRefusal.TooLarge
                ? T["The logo may be at most 1 MB; this file has {0:N0} KB.", content.Length / 1024]
                : T["The logo must be a PNG, JPEG, WebP or SVG image, and this file is none of them."]);
        }
        return await SaveAsync(file, "saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        return await SaveAsync(null, "removed", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(LogoFile? file, string done, CancellationToken cancellationToken)
    {
        if (await editor.SaveLogoAsync(Profile, file, User, cancellationToken) is SaveOutcome.Conflict)
        {
            return Refuse(T["Someone else saved this profile at the same moment. Please try again."]);
        }
        return Redirect($"/cluster-organisations/{Profile.Slug}/edit/logo?done={done}");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(nameof(Logo), message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var loaded = await editable.FindAsync(User, slug, withContent: true, cancellationToken);
        if (!loaded.Found)
        {
            return loaded.Refusal;
        }
        var profile = loaded.Profile;
        Profile = profile;
        return null;
    }
}

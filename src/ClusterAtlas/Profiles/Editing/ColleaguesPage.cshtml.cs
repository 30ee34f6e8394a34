using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The profile's administrators, and the forms that add one, remove one, or hand the profile over. Every request
/// checks again that the user may edit the profile. The adding forms say whether an address has a confirmed
/// account, so their posts are rate-limited like the account forms.
/// </summary>
[Authorize]
[EnableRateLimiting(AccountsFeature.FormRateLimit)]
public class ColleaguesPageModel(ProfileColleagues colleagues, EditableProfiles editable, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>The address of the colleague to add.</summary>
    [BindProperty]
    public string? ColleagueEmail { get; set; }

    /// <summary>The address of the colleague who takes the profile over.</summary>
    [BindProperty]
    public string? SuccessorEmail { get; set; }

    [BindProperty]
    public bool ConfirmHandOver { get; set; }

    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    /// <summary>What was just done: "added" or "removed", shown after the redirect.</summary>
    public string? Done { get; private set; }

    public string? CurrentUserId => User.UserId();

    /// <summary>Whether the user is one of the administrators (staff may manage colleagues without being one).</summary>
    public bool IsAdministrator => Colleagues.Any(c => c.UserId == CurrentUserId);

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Done = done is "added" or "removed" ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(ColleagueEmail))
        {
            ModelState.AddModelError(nameof(ColleagueEmail), T["Enter your colleague's e-mail address."]);
            return Page();
        }
        var outcome = await colleagues.AddAsync(Profile, ColleagueEmail, User, cancellationToken);
        if (outcome != ColleagueOutcome.Done)
        {
            ModelState.AddModelError(nameof(ColleagueEmail), Explain(outcome));
            return Page();
        }
        return Redirect($"/cluster-organisations/{Profile.Slug}/colleagues?done=added");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, string? userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var outcome = string.IsNullOrEmpty(userId) ? ColleagueOutcome.NotAdministrator : await colleagues.RemoveAsync(Profile, userId, cancellationToken);
        if (outcome != ColleagueOutcome.Done)
        {
            ModelState.AddModelError(string.Empty, Explain(outcome));
            return Page();
        }
        // Someone who removed themselves may no longer open this page (unless they are staff).
        return userId == CurrentUserId
            ? Redirect("/account")
            : Redirect($"/cluster-organisations/{Profile.Slug}/colleagues?done=removed");
    }

    public async Task<IActionResult> OnPostHandOverAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!IsAdministrator)
        {
            ModelState.AddModelError(string.Empty, T["Only an administrator of this profile can hand it over."]);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(SuccessorEmail))
        {
            ModelState.AddModelError(nameof(SuccessorEmail), T["Enter your colleague's e-mail address."]);
        }
        if (!ConfirmHandOver)
        {
            ModelState.AddModelError(nameof(ConfirmHandOver), T["Tick the box to confirm that you give up editing this profile."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await colleagues.HandOverAsync(Profile, SuccessorEmail!, User, cancellationToken);
        if (outcome == ColleagueOutcome.NotAdministrator)
        {
            // Removed by a colleague since the page was loaded.
            ModelState.AddModelError(string.Empty, T["Only an administrator of this profile can hand it over."]);
            return Page();
        }
        if (outcome != ColleagueOutcome.Done)
        {
            ModelState.AddModelError(nameof(SuccessorEmail), Explain(outcome));
            return Page();
        }
        return Redirect("/account");
    }

    /// <summary>A post that names none of the forms: refused like the others, else answered "method not allowed".</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Response.Headers.Allow = "GET";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    private string Explain(ColleagueOutcome outcome) => outcome switch
    {
        ColleagueOutcome.NoConfirmedAccount => T["No confirmed account has this address. Ask your colleague to register first, then add them."],
        ColleagueOutcome.AlreadyAdministrator => T["This colleague is already an administrator of this profile."],
        ColleagueOutcome.LastAdministrator => T["The last administrator cannot be removed: add a colleague first, or hand the profile over."],
        _ => T["This person is not an administrator of this profile (any more)."],
    };

    /// <summary>Finds the profile (404 if there is none) and refuses users who may not edit it; then lists its administrators.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var loaded = await editable.FindAsync(User, slug, withContent: false, cancellationToken);
        if (!loaded.Found)
        {
            return loaded.Refusal;
        }
        var profile = loaded.Profile;
        Profile = profile;
        Colleagues = await colleagues.ListAsync(profile.Id, cancellationToken);
        return null;
    }
}

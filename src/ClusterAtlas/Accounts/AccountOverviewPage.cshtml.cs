using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>The signed-in person's account: name and language, and the way to everything else about it.</summary>
[Authorize]
public class AccountOverviewPageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IOptions<RequestLocalizationOptions> localization,
    ProfileColleagues colleagues) : AccountPageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public ApplicationUser Account { get; private set; } = null!;

    public IReadOnlyList<CultureInfo> Languages => [.. localization.Value.SupportedUICultures ?? []];

    public bool Saved { get; private set; }

    /// <summary>The cluster organisation profiles the person administers.</summary>
    public IReadOnlyList<AdministeredProfile> Profiles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Account = user;
        Profiles = await colleagues.AdministeredByAsync(user.Id, cancellationToken);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage ?? localization.Value.DefaultRequestCulture.UICulture.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Account = user;
        Profiles = await colleagues.AdministeredByAsync(user.Id, cancellationToken);
        if (!Languages.Any(c => c.Name == Input.PreferredLanguage))
        {
            ModelState.AddModelError("Input.PreferredLanguage", T["Choose one of the languages offered."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }
        // The name in the header comes from the sign-in cookie.
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return Page();
    }
}

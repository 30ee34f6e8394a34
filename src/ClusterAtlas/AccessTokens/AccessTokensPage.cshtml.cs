using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.AccessTokens;

/// <summary>
/// The signed-in member's access tokens of the API: made with a name, a scope and a lifetime (the token is shown once,
/// on the answer to the form, and never stored), listed with their last use, and revoked.
/// </summary>
[Authorize]
public class AccessTokensPageModel(UserManager<ApplicationUser> users, AccessTokenStore tokens, TimeProvider clock) : AccountPageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];

    /// <summary>The token just made: shown this once.</summary>
    public string? NewSecret { get; private set; }

    public string? Done { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Tokens = await tokens.ListAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError("Input.Name", T["Give the token a name, such as the site or script that uses it."]);
        }
        else if (name.Length > AccessToken.MaxNameLength)
        {
            ModelState.AddModelError("Input.Name", T["Use at most {0} characters (there are {1}).", AccessToken.MaxNameLength, name.Length]);
        }
        if (!AccessTokenStore.LifetimesInDays.Contains(Input.LifetimeInDays))
        {
            ModelState.AddModelError("Input.LifetimeInDays", T["Choose one of the lifetimes offered."]);
        }
        if (!Enum.IsDefined(Input.Scope))
        {
            ModelState.AddModelError("Input.Scope", T["Choose what the token may do."]);
        }
        if (ModelState.IsValid && await tokens.CountActiveAsync(user.Id, cancellationToken) >= AccessTokenStore.MaxActivePerAccount)
        {
            ModelState.AddModelError(string.Empty, T["You have {0} active tokens, the most an account may have: revoke one you no longer use first.", AccessTokenStore.MaxActivePerAccount]);
        }
        if (ModelState.IsValid)
        {
            (_, NewSecret) = await tokens.CreateAsync(user, name, Input.Scope, Input.LifetimeInDays, cancellationToken);
            // The token is in this answer only: no cache may keep a copy.
            Response.Headers.CacheControl = "no-store";
            Input = new TokenInput();
            ModelState.Clear();
        }
        Tokens = await tokens.ListAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await tokens.RevokeAsync(user, tokenId, cancellationToken))
        {
            Done = T["The token is revoked: requests with it are refused from now on."];
        }
        Tokens = await tokens.ListAsync(user.Id, cancellationToken);
        return Page();
    }
}

public sealed class TokenInput
{
    public string? Name { get; set; }

    public AccessTokenScope Scope { get; set; } = AccessTokenScope.Read;

    public int LifetimeInDays { get; set; } = 90;
}

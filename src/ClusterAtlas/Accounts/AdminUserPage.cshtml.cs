using ClusterAtlas.Data;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>
/// One account, for administrators (with two-factor authentication): its state, its roles and the profiles it
/// administers; lock or unlock it with a reason, grant or remove the moderator and administrator roles.
/// </summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class AdminUserPageModel(AccountAdministration administration, ProfileColleagues colleagues, ClusterAtlasDbContext db, TimeProvider clock) : AccountPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ApplicationUser Account { get; private set; } = null!;
    public AccountLock Lock { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<AdministeredProfile> Profiles { get; private set; } = [];

    /// <summary>The account is the administrator's own: it cannot be locked, nor its administrator role removed, here.</summary>
    public bool IsSelf => Account.Id == User.UserId();

    /// <summary>What was just done, to confirm it.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string userId, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }
        Done = done switch
        {
            "locked" => T["The account is locked: its sessions have ended and it cannot sign in until an administrator unlocks it."].Value,
            "unlocked" => T["The account is unlocked: it can sign in again."].Value,
            "granted" => T["The role is granted."].Value,
            "removed" => T["The role is removed."].Value,
            _ => null,
        };
        return Page();
    }

    /// <summary>A post that names no action.</summary>
    public IActionResult OnPost() => BadRequest();

    public Task<IActionResult> OnPostLockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, "locked", account => administration.LockAsync(account, Reason, User, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, "unlocked", account => administration.UnlockAsync(account, Reason, User, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(string userId, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, "granted", account => administration.GrantRoleAsync(account, role ?? "", User, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveRoleAsync(string userId, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, "removed", account => administration.RemoveRoleAsync(account, role ?? "", User, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(string userId, string done, Func<ApplicationUser, Task<AccountChangeResult>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }
        var result = await change(Account);
        if (result.Succeeded)
        {
            return Redirect($"/admin/users/{Uri.EscapeDataString(userId)}?done={done}");
        }
        ModelState.AddModelError(result.Field ?? string.Empty, result.Error!);
        await LoadAsync(userId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        if (await administration.FindAsync(userId) is not { } account)
        {
            return false;
        }
        Account = account;
        Lock = AccountLock.Of(account, clock.GetUtcNow());
        Roles = await (from userRole in db.UserRoles
                       join role in db.Roles on userRole.RoleId equals role.Id
                       where userRole.UserId == account.Id
                       select role.Name!).ToListAsync(cancellationToken);
        Profiles = await colleagues.AdministeredByAsync(account.Id, cancellationToken);
        return true;
    }
}

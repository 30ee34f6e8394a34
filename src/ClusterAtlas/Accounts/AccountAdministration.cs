using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Administrators' changes to accounts: locking (the person cannot sign in, and the sessions they have end at their
/// next request, because the account's security stamp changes: see AccountsFeature) and unlocking, each
/// with a reason; granting and removing the moderator and administrator roles (which also renews the stamp, so the
/// person signs in again and has exactly the roles they now hold). Each change and its audit-log entry are written in one
/// transaction. No administrator locks themselves or takes their own administrator role, and the last administrator
/// keeps theirs, so that the platform always has one. Callers check the <see cref="AccountPolicies.Administrator"/> policy.
/// </summary>
public sealed class AccountAdministration(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, ClusterAtlasDbContext db, AuditLog audit,
    TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> T)
{
    public const int PageSize = 50;
    public const int MaxReasonLength = 2000;
    public const string ReasonField = "Reason";

    /// <summary>Accounts whose e-mail address or name contains <paramref name="search"/> (any case), by address.</summary>
    public async Task<Paged<AccountRow>> ListAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var accounts = db.Users.AsNoTracking();
        if (AuditFilter.Text(search) is { } text)
        {
            var lower = text.ToLowerInvariant();
            // ToLower() runs in the database as lower(); the culture analysers' advice is for .NET strings.
#pragma warning disable CA1304, CA1311, CA1862
            accounts = accounts.Where(u => u.Email!.ToLower().Contains(lower) || u.DisplayName.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await accounts.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, PageSize);
        page = Paging.InRange(page, pageCount);
        var shown = await accounts.OrderBy(u => u.Email).ThenBy(u => u.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = shown.Select(u => u.Id).ToList();
        var roleNames = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where ids.Contains(userRole.UserId)
                               select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return new([.. shown.Select(u => new AccountRow(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.TwoFactorEnabled, AccountLock.Of(u, now),
            [.. rolesByUser[u.Id].Order(StringComparer.Ordinal)], u.CreatedAt))], page, pageCount, total);
    }

    public Task<ApplicationUser?> FindAsync(string userId) => users.FindByIdAsync(userId);

    public async Task<AccountChangeResult> LockAsync(ApplicationUser account, string? reason, ClaimsPrincipal administrator, CancellationToken cancellationToken)
    {
        if (account.Id == administrator.UserId())
        {
            return new(T["You cannot lock your own account."]);
        }
        if (Refusal(ref reason) is { } refusal)
        {
            return refusal;
        }
        if (AccountLock.Of(account, clock.GetUtcNow()).ByAdministrator)
        {
            return new(T["This account is locked already."]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Account(ModerationActionKind.AccountLocked, account, reason, administrator);
        account.LockoutEnabled = true;
        account.LockoutEnd = AccountLock.Indefinitely;
        // A new stamp ends the sessions the person has: their next request finds it changed and signs them out.
        Check(await users.UpdateSecurityStampAsync(account));
        await transaction.CommitAsync(cancellationToken);
        return AccountChangeResult.Done;
    }

    public async Task<AccountChangeResult> UnlockAsync(ApplicationUser account, string? reason, ClaimsPrincipal administrator, CancellationToken cancellationToken)
    {
        if (Refusal(ref reason) is { } refusal)
        {
            return refusal;
        }
        if (!AccountLock.Of(account, clock.GetUtcNow()).Locked)
        {
            return new(T["This account is not locked."]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Account(ModerationActionKind.AccountUnlocked, account, reason, administrator);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        Check(await users.UpdateAsync(account));
        await transaction.CommitAsync(cancellationToken);
        return AccountChangeResult.Done;
    }

    public async Task<AccountChangeResult> GrantRoleAsync(ApplicationUser account, string role, ClaimsPrincipal administrator, CancellationToken cancellationToken)
    {
        if (!AccountRoles.All.Contains(role))
        {
            return new(T["There is no such role."]);
        }
        if (await users.IsInRoleAsync(account, role))
        {
            return new(T["This account has the role already."]);
        }
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Account(ModerationActionKind.RoleGranted, account, role, administrator);
        Check(await users.AddToRoleAsync(account, role));
        // The person signs in again and has the role from then on.
        Check(await users.UpdateSecurityStampAsync(account));
        await transaction.CommitAsync(cancellationToken);
        return AccountChangeResult.Done;
    }

    public async Task<AccountChangeResult> RemoveRoleAsync(ApplicationUser account, string role, ClaimsPrincipal administrator, CancellationToken cancellationToken)
    {
        if (!AccountRoles.All.Contains(role))
        {
            return new(T["There is no such role."]);
        }
        if (role == AccountRoles.Administrator && account.Id == administrator.UserId())
        {
            return new(T["You cannot remove your own administrator role: ask another administrator."]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await users.IsInRoleAsync(account, role))
        {
            return new(T["This account does not have the role."]);
        }
        if (role == AccountRoles.Administrator && (await users.GetUsersInRoleAsync(AccountRoles.Administrator)).Count <= 1)
        {
            return new(T["This is the last administrator: make someone else an administrator first."]);
        }
        audit.Account(ModerationActionKind.RoleRemoved, account, role, administrator);
        Check(await users.RemoveFromRoleAsync(account, role));
        // The sessions the person has end: the role is gone at once.
        Check(await users.UpdateSecurityStampAsync(account));
        await transaction.CommitAsync(cancellationToken);
        return AccountChangeResult.Done;
    }

    private AccountChangeResult? Refusal(ref string? reason)
    {
        reason = Profiles.Editing.ProfileForm.Clean(reason);
        if (reason is null)
        {
            return new(T["Give the reason: the audit log keeps it."], ReasonField);
        }
        return reason.Length > MaxReasonLength ? new(T["Use at most {0} characters (there are {1}).", MaxReasonLength, reason.Length], ReasonField) : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

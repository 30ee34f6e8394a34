using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>The accounts of the platform, for administrators (with two-factor authentication).</summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class AdminUsersPageModel(ClusterAtlasDbContext db, TimeProvider clock) : AccountPageModel
{
    public sealed record AccountRow(string Email, string DisplayName, bool EmailConfirmed, bool TwoFactorEnabled, bool LockedOut, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var users = await db.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Accounts = [.. users.Select(u => new AccountRow(u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.TwoFactorEnabled,
            u.LockoutEnd is { } end && end > now, [.. rolesByUser[u.Id].Order(StringComparer.Ordinal)], u.CreatedAt))];
    }
}

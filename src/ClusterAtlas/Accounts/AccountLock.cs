using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>Whether an account can sign in: open, locked for a while after failed sign-ins (until <see cref="Until"/>), or locked by an administrator.</summary>
public sealed record AccountLock(bool Locked, bool ByAdministrator, DateTimeOffset? Until)
{
    /// <summary>Identity's "locked for good": what an administrator's lock sets.</summary>
    public static readonly DateTimeOffset Indefinitely = DateTimeOffset.MaxValue;

    public static AccountLock Of(ApplicationUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now
        ? new(true, end.UtcDateTime.Year >= Indefinitely.Year, end)
        : new(false, false, null);
}

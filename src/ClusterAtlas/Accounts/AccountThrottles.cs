using System.Net;
using System.Net.Sockets;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Counts failed attempts in the database (<see cref="AccountThrottle"/>) and says when one is blocked. The count does
/// not depend on whether an account exists, so the answers of sign-in never tell that either.
/// </summary>
public sealed class AccountThrottles(ClusterAtlasDbContext db, TimeProvider clock, ILogger<AccountThrottles> logger)
{
    private DbSet<AccountThrottle> Throttles => db.Set<AccountThrottle>();

    /// <summary>Until when attempts on <paramref name="subject"/> from <paramref name="client"/> are refused, or null.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(ThrottleRule rule, string subject, string client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var blockedUntil = await Throttles.AsNoTracking()
            .Where(t => t.Purpose == rule.Purpose && t.Subject == subject && t.Client == client && t.BlockedUntil != null)
            .Select(t => t.BlockedUntil)
            .SingleOrDefaultAsync(cancellationToken);
        return blockedUntil > now ? blockedUntil : null;
    }

    /// <summary>Counts one failure; returns whether attempts are blocked from now on.</summary>
    public async Task<bool> RecordFailureAsync(ThrottleRule rule, string subject, string client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowOpenedAfter = now - rule.Window;
        // Each step is one statement, so that instances counting at once never lose a failure.
        await Matching(rule, subject, client)
            .Where(t => t.WindowStartedAt <= windowOpenedAfter && (t.BlockedUntil == null || t.BlockedUntil <= now))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, 0).SetProperty(x => x.WindowStartedAt, now).SetProperty(x => x.BlockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (await Matching(rule, subject, client).ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, x => x.Failures + 1), cancellationToken) == 0)
        {
            await InsertFirstFailureAsync(rule, subject, client, now, cancellationToken);
        }
        var failures = await Matching(rule, subject, client).Select(t => t.Failures).SingleAsync(cancellationToken);
        if (failures < rule.MaxFailures)
        {
            return false;
        }
        var blockedUntil = now + rule.BlockFor;
        var newlyBlocked = await Matching(rule, subject, client)
            .Where(t => t.BlockedUntil == null || t.BlockedUntil <= now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.BlockedUntil, blockedUntil), cancellationToken);
        if (newlyBlocked > 0)
        {
            logger.LogWarning("{Purpose}: {Failures} failed attempts on {Subject} from {Client} within {Window}; refused until {BlockedUntil:u}",
                rule.Purpose, failures, subject, client.Length == 0 ? "any address" : client, rule.Window, blockedUntil);
        }
        return true;
    }

    /// <summary>Forgets the failures on <paramref name="subject"/> (from one client, or from all when <paramref name="client"/> is null).</summary>
    public async Task ClearAsync(ThrottleRule rule, string subject, string? client, CancellationToken cancellationToken)
    {
        var matching = Throttles.Where(t => t.Purpose == rule.Purpose && t.Subject == subject);
        if (client is not null)
        {
            matching = matching.Where(t => t.Client == client);
        }
        await matching.ExecuteDeleteAsync(cancellationToken);
        // Counts nobody added to for a day are of no use: removed here rather than by a timer.
        var stale = clock.GetUtcNow() - TimeSpan.FromDays(1);
        await Throttles.Where(t => t.WindowStartedAt < stale && (t.BlockedUntil == null || t.BlockedUntil < stale)).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<AccountThrottle> Matching(ThrottleRule rule, string subject, string client) =>
        Throttles.Where(t => t.Purpose == rule.Purpose && t.Subject == subject && t.Client == client);

    private async Task InsertFirstFailureAsync(ThrottleRule rule, string subject, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new AccountThrottle { Purpose = rule.Purpose, Subject = subject, Client = client, Failures = 1, WindowStartedAt = now };
        Throttles.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request inserted the row first: count on it instead.
            db.Entry(row).State = EntityState.Detached;
            await Matching(rule, subject, client).ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, x => x.Failures + 1), cancellationToken);
        }
        finally
        {
            if (db.Entry(row).State != EntityState.Detached)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// The client as throttles count it: its address (after the forwarded headers of configured proxies), an IPv6
    /// client's /64 network (one subscriber usually holds all of it), or "unknown".
    /// </summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}

using System.Security.Cryptography;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.AccessTokens;

/// <summary>
/// Makes, lists, finds and revokes members' access tokens. A token is its recognisable prefix and 32 random bytes
/// (base64url): too long to guess, so one SHA-256 of it (not a slow password hash) is enough to store, and a token
/// found in a leak or a repository is recognised by its prefix. Making and revoking one is in the audit log.
/// </summary>
public sealed class AccessTokenStore(ClusterAtlasDbContext db, TimeProvider clock, AuditLog audit)
{
    public const string Prefix = "clat_";

    /// <summary>The lifetimes offered, in days; the longest is the most a token may live.</summary>
    public static readonly IReadOnlyList<int> LifetimesInDays = [7, 30, 90, 365];

    /// <summary>Enough for every site and script of one account; a limit so that a forgotten loop cannot make thousands.</summary>
    public const int MaxActivePerAccount = 20;

    private const int HintLength = 10;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public async Task<IReadOnlyList<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<AccessToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    public Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<AccessToken>().CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    /// <summary>A new token of <paramref name="account"/>; the returned text is the only copy of the token there will ever be.</summary>
    public async Task<(AccessToken Token, string Secret)> CreateAsync(ApplicationUser account, string name, AccessTokenScope scope, int lifetimeInDays,
        CancellationToken cancellationToken)
    {
        if (!LifetimesInDays.Contains(lifetimeInDays))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeInDays), lifetimeInDays, "Not one of the lifetimes offered.");
        }
        var secret = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new AccessToken
        {
            UserId = account.Id, Name = name.Trim(), Scope = scope, Hash = HashOf(secret), Hint = secret[..HintLength],
            CreatedAt = now, ExpiresAt = now.AddDays(lifetimeInDays),
        };
        db.Set<AccessToken>().Add(token);
        audit.Add(ModerationActionKind.AccessTokenCreated, AuditLog.AccountName(account.DisplayName, account.Email),
            detail: $"\"{token.Name}\" ({token.Hint}…), {scope.ToString().ToLowerInvariant()}, valid until {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>Revokes one of the account's own tokens (another account's id changes nothing). False when there was none to revoke.</summary>
    public async Task<bool> RevokeAsync(ApplicationUser account, int tokenId, CancellationToken cancellationToken)
    {
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == account.Id && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        audit.Add(ModerationActionKind.AccessTokenRevoked, AuditLog.AccountName(account.DisplayName, account.Email), detail: $"\"{token.Name}\" ({token.Hint}…)");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active token with this text and its account, or null; notes the use (at most once a minute, to spare the database).</summary>
    public async Task<(AccessToken Token, ApplicationUser Account)?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = HashOf(secret);
        var now = clock.GetUtcNow();
        var found = await db.Set<AccessToken>().AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, Account = u })
            .SingleOrDefaultAsync(cancellationToken);
        // A locked account (by an administrator, or after failed sign-ins) cannot act through its tokens either.
        if (found is null || found.Account.LockoutEnd > now)
        {
            return null;
        }
        if (found.Token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            try
            {
                await db.Set<AccessToken>().Where(t => t.Id == found.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            }
            catch (Exception error) when (Operations.DatabaseOutage.IsUnavailable(error))
            {
                // A read-only database still serves reads: the note of the token's last use waits for the next one.
            }
        }
        return (found.Token, found.Account);
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

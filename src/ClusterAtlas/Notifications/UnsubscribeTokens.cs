using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The token of an unsubscribe link: the person and the kind (or every kind, for the digest), protected by Data
/// Protection for this purpose only, so that it can be neither forged nor used as any other token. The keys live in the
/// database, so a link works on every instance and after restarts; it does not expire (old mail must still work).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private const string EveryKind = "*";

    private readonly IDataProtector _protector = provider.CreateProtector("ClusterAtlas.Notifications.Unsubscribe.v1");

    /// <summary>A token for <paramref name="kind"/>, or for every kind when it is null.</summary>
    public string Create(string userId, NotificationKind? kind) => _protector.Protect(userId + "\n" + (kind?.ToString() ?? EveryKind));

    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            return null;
        }
        if (parts[1] == EveryKind)
        {
            return new UnsubscribeRequest(parts[0], null);
        }
        return Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind) ? new UnsubscribeRequest(parts[0], kind) : null;
    }
}

/// <summary>What an unsubscribe token asks: no more e-mail of <paramref name="Kind"/> (of any kind when null) to <paramref name="UserId"/>.</summary>
public sealed record UnsubscribeRequest(string UserId, NotificationKind? Kind);

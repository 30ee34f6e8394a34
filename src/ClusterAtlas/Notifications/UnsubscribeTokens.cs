using ClusterAtlas.Mail;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The token of an unsubscribe link: the person and the kind (or every kind, for the digest), protected for this purpose
/// only (<see cref="MailLinkTokens"/>), so that it can be neither forged nor used as any other token. It does not
/// expire (old mail must still work).
/// </summary>
public sealed class UnsubscribeTokens(MailLinkTokens tokens)
{
    private const string Purpose = "ClusterAtlas.Notifications.Unsubscribe.v1";
    private const string EveryKind = "*";

    /// <summary>A token for <paramref name="kind"/>, or for every kind when it is null.</summary>
    public string Create(string userId, NotificationKind? kind) => tokens.Protect(Purpose, userId + "\n" + (kind?.ToString() ?? EveryKind));

    public UnsubscribeRequest? Read(string? token)
    {
        var parts = tokens.Unprotect(Purpose, token)?.Split('\n');
        if (parts is null || parts.Length != 2 || parts[0].Length == 0)
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

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Notifications;

/// <summary>The sentences of notifications and the names of their kinds, in the reader's language (the current UI culture).</summary>
public static class NotificationWording
{
    public static IReadOnlyList<NotificationKind> Kinds { get; } = Enum.GetValues<NotificationKind>();

    public static IReadOnlyList<NotificationDelivery> Deliveries { get; } = Enum.GetValues<NotificationDelivery>();

    public static string Sentence(Notification notification, IStringLocalizer T) => notification.Kind switch
    {
        NotificationKind.InterestShown => T["{0} is interested in your partner search “{1}”.", notification.Actor ?? "", notification.Subject],
        NotificationKind.Comment => T["{0} commented on the partner search “{1}”.", notification.Actor ?? "", notification.Subject],
        NotificationKind.MatchingPosting => T["A new partner search matches your saved search “{0}”: “{1}”.", notification.Actor ?? "", notification.Subject],
        NotificationKind.DeadlineReminder => T["Your partner search “{0}” closes soon: give it a later deadline or close it.", notification.Subject],
        NotificationKind.ContactRequest => T["{0} sent you a contact request: “{1}”.", notification.Actor ?? "", notification.Subject],
        NotificationKind.MatchingProfile => T["A newly published cluster organisation matches your saved search “{0}”: {1}.", notification.Actor ?? "", notification.Subject],
        _ => notification.Subject,
    };

    public static string KindLabel(NotificationKind kind, IStringLocalizer T) => kind switch
    {
        NotificationKind.InterestShown => T["Interest in my partner searches"],
        NotificationKind.Comment => T["Comments on partner searches I follow or wrote"],
        NotificationKind.MatchingPosting => T["New partner searches matching my saved searches"],
        NotificationKind.DeadlineReminder => T["Deadline reminders of my partner searches"],
        NotificationKind.ContactRequest => T["Contact requests to my cluster organisations"],
        NotificationKind.MatchingProfile => T["New cluster organisations matching my saved searches"],
        _ => kind.ToString(),
    };

    public static string DeliveryLabel(NotificationDelivery delivery, IStringLocalizer T) => delivery switch
    {
        NotificationDelivery.Immediately => T["Immediately"],
        NotificationDelivery.DailyDigest => T["In a daily digest"],
        _ => T["No e-mail"],
    };

    /// <summary>A deadline kept as yyyy-MM-dd in the excerpt, written the reader's way.</summary>
    public static string Date(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("D", CultureInfo.CurrentCulture)
            : isoDate ?? "";
}

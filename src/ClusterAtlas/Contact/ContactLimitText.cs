using System.Globalization;
using ClusterAtlas.Localisation;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Contact;

/// <summary>What a sender who reached a contact limit is told, the count in its plural form ("1 contact request", "2 zahteva").</summary>
public static class ContactLimitText
{
    public static string Requests(IStringLocalizer T, ContactLimitReached limit) => limit.PerHour
        ? T.Plural(limit.Limit,
            T["You have sent {0} contact request in the last hour, the most allowed. You may write again at {1} (UTC)."],
            T["You have sent {0} contact requests in the last hour, the most allowed. You may write again at {1} (UTC).|few"],
            T["You have sent {0} contact requests in the last hour, the most allowed. You may write again at {1} (UTC)."], RetryAt(limit))
        : T.Plural(limit.Limit,
            T["You have sent {0} contact request in the last 24 hours, the most allowed. You may write again at {1} (UTC)."],
            T["You have sent {0} contact requests in the last 24 hours, the most allowed. You may write again at {1} (UTC).|few"],
            T["You have sent {0} contact requests in the last 24 hours, the most allowed. You may write again at {1} (UTC)."], RetryAt(limit));

    public static string Answers(IStringLocalizer T, ContactLimitReached limit) => limit.PerHour
        ? T.Plural(limit.Limit,
            T["You have written {0} answer in the last hour, the most allowed. You may answer again at {1} (UTC)."],
            T["You have written {0} answers in the last hour, the most allowed. You may answer again at {1} (UTC).|few"],
            T["You have written {0} answers in the last hour, the most allowed. You may answer again at {1} (UTC)."], RetryAt(limit))
        : T.Plural(limit.Limit,
            T["You have written {0} answer in the last 24 hours, the most allowed. You may answer again at {1} (UTC)."],
            T["You have written {0} answers in the last 24 hours, the most allowed. You may answer again at {1} (UTC).|few"],
            T["You have written {0} answers in the last 24 hours, the most allowed. You may answer again at {1} (UTC)."], RetryAt(limit));

    private static string RetryAt(ContactLimitReached limit) => limit.RetryAt.UtcDateTime.ToString("g", CultureInfo.CurrentCulture);
}

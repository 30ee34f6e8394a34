using System.Globalization;

namespace ClusterAtlas.Contact;

/// <summary>
/// Proposed meeting times: read from a form (a local date and time in a chosen time zone), and written in words in that
/// zone with UTC beside it; the page's script (contact-times.js) shows them in the reader's own time zone.
/// </summary>
public static class ContactTimes
{
    /// <summary>The time zones offered, by IANA id; the form's default is the reader's own (set by the script), else UTC.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The zones as the form offers them, by their offset at <paramref name="now"/> and then name: "(UTC−03:00) Buenos
    /// Aires", the IANA id's city with its offset, the same in every language (.NET names zones in the language of the
    /// process, not the reader's); the id stays the value sent.
    /// </summary>
    public static IReadOnlyList<(string Id, string Label)> Choices(DateTimeOffset now) =>
        [.. Zones.Select(id => (Id: id, Offset: Zone(id)?.GetUtcOffset(now) ?? TimeSpan.Zero))
            .Select(z => (z.Id, z.Offset, Label: Label(z.Id, z.Offset)))
            .OrderBy(z => z.Offset).ThenBy(z => z.Label, StringComparer.Ordinal)
            .Select(z => (z.Id, z.Label))];

    public static string Label(string id, TimeSpan offset)
    {
        if (id == "UTC")
        {
            return "(UTC) UTC";
        }
        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        var city = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return string.Create(CultureInfo.InvariantCulture, $"(UTC{sign}{offset.Duration():hh\\:mm}) {city}");
    }

    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>A datetime-local value ("2027-01-14T10:00") in <paramref name="zone"/>, as a UTC moment; null when it is no such time.</summary>
    public static DateTimeOffset? Parse(string value, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || zone.IsInvalidTime(local))
        {
            return null;
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    /// <summary>"Thursday, 14 January 2027 10:00 (Europe/Belgrade; 09:00 UTC)" in <paramref name="culture"/>.</summary>
    public static string Describe(ContactProposedTime time, CultureInfo culture)
    {
        var zone = Zone(time.TimeZoneId) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(time.StartsAt, zone);
        return string.Create(culture, $"{local.ToString("dddd", culture)}, {local.ToString("D", culture)} {local.ToString("HH:mm", culture)} ({time.TimeZoneId}; {time.StartsAt.UtcDateTime.ToString("HH:mm", culture)} UTC)");
    }

    /// <summary>The machine-readable moment for a time element.</summary>
    public static string Iso(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ClusterAtlas.Events;

/// <summary>
/// Wall-clock times in an event's IANA time zone: turning them into instants (refusing the hour a clock skips when it
/// springs forward, taking the first of the hour it repeats in autumn) and showing them with the zone's offset.
/// The zones come from the operating system's tz database (the tzdata package on Debian; decision 0023).
/// </summary>
public static class EventTime
{
    // Zones found, by the id asked for: the system's lookup takes a lock on every call, and every event shown asks.
    // Only ids the system knows are kept (trimmed), so there are at most as many as it has zones.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> KnownZones = new(StringComparer.Ordinal);

    /// <summary>The zone of this IANA id, or null when the system does not know it (Windows ids are not accepted).</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > ClusterEvent.MaxTimeZoneLength || !id.Contains('/', StringComparison.Ordinal) && id != "UTC")
        {
            return null;
        }
        var trimmed = id.Trim();
        if (KnownZones.TryGetValue(trimmed, out var known))
        {
            return known;
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
            return zone.HasIanaId ? KnownZones.GetOrAdd(trimmed, zone) : null;
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

    /// <summary>The instant of a wall-clock time in <paramref name="zone"/>; null for a time the zone skips (the spring-forward gap).</summary>
    public static DateTimeOffset? Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }
        // An autumn hour happens twice: the first (daylight-saving) one is meant, as calendars take it.
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>The instant as wall-clock time in the zone.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>"UTC+02:00" for an offset.</summary>
    public static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The IANA ids the system knows, for the form's list (Windows-only ids left out).</summary>
    public static IReadOnlyList<string> KnownZoneIds { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && (z.Id.Contains('/', StringComparison.Ordinal) || z.Id == "UTC"))
            .Select(z => z.Id).Where(id => !id.StartsWith("Etc/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The format of a datetime-local input ("2027-03-30T09:00").</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static DateTime? ParseInput(string? value) =>
        DateTime.TryParseExact(value?.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified) : null;
}

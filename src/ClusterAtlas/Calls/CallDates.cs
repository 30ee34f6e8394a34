using System.Globalization;

namespace ClusterAtlas.Calls;

/// <summary>
/// A call's dates as programmes state them: a deadline is a day, a time and a zone ("17:00 Brussels time"), the end of
/// the day when no time is given; an opening day starts at midnight in the same zone.
/// </summary>
public static class CallDates
{
    public static readonly TimeOnly EndOfDay = new(23, 59);

    /// <summary>The zone of an IANA id, or null when there is none such.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The instant of a local day and time in the zone (a time skipped by a clock change counts as the hour after).</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant in the zone's local time (the zone's id unknown: UTC).</summary>
    public static DateTimeOffset Local(DateTimeOffset instant, string zoneId) =>
        Zone(zoneId) is { } zone ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime();

    public static CallStatus Status(DateOnly? opensOn, DateTimeOffset closesAt, string zoneId, DateTimeOffset now)
    {
        if (now >= closesAt)
        {
            return CallStatus.Closed;
        }
        if (opensOn is { } day && now < Instant(day, TimeOnly.MinValue, Zone(zoneId) ?? TimeZoneInfo.Utc))
        {
            return CallStatus.Forthcoming;
        }
        return CallStatus.Open;
    }

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

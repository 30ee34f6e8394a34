using System.Globalization;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// A week's digest: ISO year and week of the day it goes out (the configured weekday and hour, UTC); it lists what was
/// published in the seven days before that moment. "2026-W49" in its key and its web address.
/// </summary>
public readonly record struct DigestWeek(int Year, int Week) : IComparable<DigestWeek>
{
    public int CompareTo(DigestWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(DigestWeek left, DigestWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(DigestWeek left, DigestWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(DigestWeek left, DigestWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DigestWeek left, DigestWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year}-W{Week:00}";

    public string IssueKey => "digest-" + this;

    public string Path => "/newsletter/digest/" + this;

    public bool IsValid => Year is >= 2000 and <= 9999 && Week >= 1 && Week <= ISOWeek.GetWeeksInYear(Year);

    /// <summary>When this week's digest goes out: the end of the period it lists.</summary>
    public DateTimeOffset SendTime(NewsletterOptions options) =>
        new DateTimeOffset(ISOWeek.ToDateTime(Year, Week, options.DigestDay), TimeSpan.Zero).AddHours(options.DigestHourUtc);

    public DateTimeOffset PeriodStart(NewsletterOptions options) => SendTime(options).AddDays(-7);

    public static DigestWeek Of(DateTimeOffset moment)
    {
        var day = moment.UtcDateTime;
        return new DigestWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public DigestWeek Next() => Of(SendTimeOfMonday().AddDays(7));

    public DigestWeek Previous() => Of(SendTimeOfMonday().AddDays(-7));

    private DateTimeOffset SendTimeOfMonday() => new(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday), TimeSpan.Zero);

    /// <summary>The latest week whose digest time has come (the one the job sends).</summary>
    public static DigestWeek LatestDue(DateTimeOffset now, NewsletterOptions options)
    {
        var week = Of(now);
        return week.SendTime(options) <= now ? week : week.Previous();
    }

    /// <summary>The week whose period holds <paramref name="now"/>: the next digest to go out.</summary>
    public static DigestWeek Current(DateTimeOffset now, NewsletterOptions options) => LatestDue(now, options).Next();

    public static bool TryParse(string? text, out DigestWeek week)
    {
        week = default;
        if (text is null || text.Length != 8 || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        week = new DigestWeek(year, number);
        return week.IsValid;
    }
}

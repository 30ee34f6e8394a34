using System.Globalization;
using ClusterAtlas.Links;
using ClusterAtlas.Vocabularies;
using ClusterAtlas.WhatsNew;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>The event form as it is posted: every value as typed, checked by <see cref="Validate"/>.</summary>
public sealed class EventForm
{
    public const int MaxYearsAhead = 3;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    public EventKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    /// <summary>As a datetime-local input sends it: 2027-03-30T09:00, in <see cref="TimeZone"/>.</summary>
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? TimeZone { get; set; }
    public bool IsOnline { get; set; }
    public string? Venue { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
    public string? RegistrationUrl { get; set; }
    /// <summary>Comma-separated, as typed.</summary>
    public string? Tags { get; set; }
    public List<string> Sectors { get; set; } = [];
    public List<string> Countries { get; set; } = [];

    // Set by Validate when the form is valid.
    public DateTime StartLocal { get; private set; }
    public DateTime EndLocal { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public IReadOnlyList<string> TagSlugs { get; private set; } = [];

    public static EventForm From(ClusterEvent e) => new()
    {
        Kind = e.Kind,
        Title = e.Title,
        Summary = e.Summary,
        Description = e.Description,
        Start = e.StartLocal.ToString(EventTime.InputFormat, CultureInfo.InvariantCulture),
        End = e.EndLocal.ToString(EventTime.InputFormat, CultureInfo.InvariantCulture),
        TimeZone = e.TimeZone,
        IsOnline = e.IsOnline,
        Venue = e.Venue,
        City = e.City,
        CountryCode = e.CountryCode,
        RegistrationUrl = e.RegistrationUrl,
        Tags = string.Join(", ", e.Tags.Select(WhatsNew.Tags.Display)),
        Sectors = [.. e.Sectors],
        Countries = [.. e.Countries],
    };

    /// <summary>
    /// Every problem, keyed by the field's form name ("Form.Title"), in the form's order. <paramref name="sectors"/> are the
    /// sector labels an event may take; <paramref name="now"/> bounds how far ahead an event may be.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Validate(IReadOnlySet<string> sectors, CountryList countries, DateTimeOffset now, IStringLocalizer T)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new("Form." + field, message));
        void Length(string field, string? value, int max)
        {
            if (value?.Length > max)
            {
                Error(field, T["Use at most {0} characters (there are {1}).", max, value.Length]);
            }
        }

        Title = Blank(Title);
        Summary = Blank(Summary);
        Description = Blank(Description);
        Venue = Blank(Venue);
        City = Blank(City);
        CountryCode = Blank(CountryCode)?.ToUpperInvariant();
        RegistrationUrl = Blank(RegistrationUrl);
        TimeZone = Blank(TimeZone);
        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            Error(nameof(Kind), T["Choose what kind of event this is."]);
        }
        if (Title is null)
        {
            Error(nameof(Title), T["Give the event a title."]);
        }
        Length(nameof(Title), Title, ClusterEvent.MaxTitleLength);
        if (Summary is null)
        {
            Error(nameof(Summary), T["Sum the event up in a sentence or two."]);
        }
        Length(nameof(Summary), Summary, ClusterEvent.MaxSummaryLength);
        if (Description is null)
        {
            Error(nameof(Description), T["Describe the event: its programme, who it is for."]);
        }
        Length(nameof(Description), Description, ClusterEvent.MaxDescriptionLength);

        var zone = EventTime.Zone(TimeZone);
        if (zone is null)
        {
            Error(nameof(TimeZone), T["Choose the event's time zone from the list, such as Europe/Belgrade."]);
        }
        var start = EventTime.ParseInput(Start);
        var end = EventTime.ParseInput(End);
        if (start is null)
        {
            Error(nameof(Start), T["The start must be a date and time such as 2027-03-30T09:00."]);
        }
        if (end is null)
        {
            Error(nameof(End), T["The end must be a date and time such as 2027-03-30T17:00."]);
        }
        if (zone is not null && start is { } s && end is { } e)
        {
            var startsAt = EventTime.Instant(s, zone);
            var endsAt = EventTime.Instant(e, zone);
            if (startsAt is null)
            {
                Error(nameof(Start), T["This time does not exist in {0}: the clocks skip it that day. Choose another.", zone.Id]);
            }
            if (endsAt is null)
            {
                Error(nameof(End), T["This time does not exist in {0}: the clocks skip it that day. Choose another.", zone.Id]);
            }
            if (startsAt is { } a && endsAt is { } b)
            {
                if (b <= a)
                {
                    Error(nameof(End), T["The end must be after the start."]);
                }
                else if (b - a > MaxDuration)
                {
                    Error(nameof(End), T["An event may last at most {0} days.", (int)MaxDuration.TotalDays]);
                }
                if (a > now.AddYears(MaxYearsAhead))
                {
                    Error(nameof(Start), T["The start may be at most {0} years away.", MaxYearsAhead]);
                }
                StartLocal = s;
                EndLocal = e;
                StartsAt = a;
                EndsAt = b;
            }
        }

        if (!IsOnline && City is null)
        {
            Error(nameof(City), T["Say where the event takes place, or tick “Online”."]);
        }
        if (City is not null && CountryCode is null)
        {
            Error(nameof(CountryCode), T["Choose the country where the event takes place."]);
        }
        if (CountryCode is not null && countries.ByCode(CountryCode) is null)
        {
            Error(nameof(CountryCode), T["Choose the country from the list."]);
        }
        Length(nameof(Venue), Venue, ClusterEvent.MaxPlaceLength);
        Length(nameof(City), City, ClusterEvent.MaxPlaceLength);
        if (RegistrationUrl is not null)
        {
            if (LinkPolicy.NormaliseWebAddress(RegistrationUrl) is { } link)
            {
                RegistrationUrl = link;
            }
            else
            {
                Error(nameof(RegistrationUrl), T["The registration link must be a web address such as https://example.org/register."]);
            }
        }
        TagSlugs = WhatsNew.Tags.Parse(Tags);
        if (!WhatsNew.Tags.WithinLimits(TagSlugs))
        {
            Error(nameof(Tags), T["Use at most {0} tags of at most {1} characters each.", WhatsNew.Tags.MaxCount, WhatsNew.Tags.MaxLength]);
        }
        Sectors = [.. Sectors.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal)];
        if (Sectors.Any(v => !sectors.Contains(v)))
        {
            Error(nameof(Sectors), T["Choose the sectors from the list."]);
        }
        Countries = [.. Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
        if (Countries.Any(c => countries.ByCode(c) is null))
        {
            Error(nameof(Countries), T["Choose the countries from the list."]);
        }
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

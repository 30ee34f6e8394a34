using ClusterAtlas.Profiles;

namespace ClusterAtlas.Events;

/// <summary>
/// A conference, matchmaking event, webinar, cluster week or workshop, submitted on behalf of a cluster organisation
/// (or by the platform team) and published after moderation. Its times are kept twice: as the organiser's wall-clock
/// time in the event's IANA time zone (the truth, should the zone's rules change) and as the UTC instants they stand
/// for (what lists sort and filter by). See decision 0023.
/// </summary>
public class ClusterEvent : Data.INotContent
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxPlaceLength = 200;
    public const int MaxSlugLength = 120;
    public const int MaxTimeZoneLength = 64;

    public int Id { get; set; }
    /// <summary>The event's address, /events/{slug}; never changes once given.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>Markdown, shown without raw HTML and with links under the link policy.</summary>
    public required string Description { get; set; }
    public EventKind Kind { get; set; }

    /// <summary>The IANA time zone the organiser gave the times in ("Europe/Belgrade").</summary>
    public required string TimeZone { get; set; }
    /// <summary>Start and end as the organiser typed them, wall-clock time in <see cref="TimeZone"/>.</summary>
    public DateTime StartLocal { get; set; }
    public DateTime EndLocal { get; set; }
    /// <summary>The instants of <see cref="StartLocal"/> and <see cref="EndLocal"/> (UTC).</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    public bool IsOnline { get; set; }
    public string? Venue { get; set; }
    public string? City { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code of the place's country; null for an online-only event.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The organising cluster organisation; null when the platform team organises it.</summary>
    public int? OrganiserProfileId { get; set; }
    public ClusterOrganisation? OrganiserProfile { get; set; }

    /// <summary>The member who submitted it; null once their account is deleted.</summary>
    public string? SubmittedByUserId { get; set; }
    public required string SubmittedByName { get; set; }

    public string? RegistrationUrl { get; set; }
    /// <summary>Tag slugs (<see cref="WhatsNew.Tags"/>).</summary>
    public List<string> Tags { get; set; } = [];
    /// <summary>Labels of sectoral-industry terms.</summary>
    public List<string> Sectors { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2 codes of the countries the event is for.</summary>
    public List<string> Countries { get; set; } = [];

    public EventStatus Status { get; set; } = EventStatus.Submitted;
    /// <summary>Why the platform team sent it back, shown to its submitter until it is submitted again.</summary>
    public string? ReturnReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public List<EventAttendance> Attendances { get; set; } = [];
}

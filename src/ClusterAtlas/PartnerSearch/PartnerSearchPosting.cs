using ClusterAtlas.Profiles;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A partner search posted by a profile's administrators on behalf of their cluster organisation: an offer, a request,
/// interest in a call or a search for participants in an event. Members follow it, say they are interested and comment.
/// </summary>
public class PartnerSearchPosting : Data.INotContent
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxCallTextLength = 300;

    public int Id { get; set; }

    /// <summary>The cluster organisation it is posted on behalf of. Not named ClusterOrganisationId: a posting is not part of the profile's content.</summary>
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;

    /// <summary>The member who posted it; null once their account is deleted (the profile's administrators answer for it then).</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }

    public PostingKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, shown without raw HTML and with links under the link policy.</summary>
    public required string Text { get; set; }

    // For an expression of interest in a call.
    public string? CallName { get; set; }
    public string? CallProgramme { get; set; }
    public string? CallLink { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries where partners are sought.</summary>
    public List<string> TargetCountries { get; set; } = [];
    /// <summary>Codes of <see cref="PartnerSearchIntents"/>.</summary>
    public List<string> Intents { get; set; } = [];
    /// <summary>Sectors and technology fields (terms of the existing vocabularies).</summary>
    public List<PostingTerm> Terms { get; set; } = [];

    /// <summary>The last day it is open; the day after, it closes itself.</summary>
    public DateOnly Deadline { get; set; }
    public PostingStatus Status { get; set; } = PostingStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When its author was asked to renew or close it (a week before the deadline); cleared when the deadline moves.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public IEnumerable<PostingTerm> TermsOf(PostingTermField field) => Terms.Where(t => t.Field == field).OrderBy(t => t.SortOrder);
}

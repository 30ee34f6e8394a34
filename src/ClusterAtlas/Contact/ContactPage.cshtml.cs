using System.Globalization;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Contact;

/// <summary>
/// "Contact this cluster": a signed-in member writes to the administrators of a published profile, from its page or
/// from one of its partner search postings. A profile nobody administers on the platform says so and shows the public
/// contact data it has instead. Refusals (own profile, blocked, rate limit) are answered with their status and a message.
/// </summary>
[Authorize]
public class ContactPageModel(ClusterAtlasDbContext db, ContactRequests requests, IStringLocalizer<SharedResource> T) : PageModel
{
    public ClusterOrganisation Profile { get; private set; } = null!;
    public bool HasAdministrators { get; private set; }
    public bool OwnProfile { get; private set; }
    public ContactBlock? Block { get; private set; }
    public ContactLimitReached? Limit { get; private set; }
    public IReadOnlyList<SenderProfileChoice> MyProfiles { get; private set; } = [];
    public PartnerSearchPosting? Posting { get; private set; }

    [BindProperty]
    public ContactDraft Draft { get; set; } = new();

    [FromQuery(Name = "posting")]
    public int? PostingId { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }
        Limit = Block is null && HasAdministrators && !OwnProfile ? await requests.LimitReachedAsync(User.UserId()!, cancellationToken) : null;
        if (Posting is not null)
        {
            Draft.Subject = string.Format(CultureInfo.CurrentCulture, T["About your partner search “{0}”"], Posting.Title);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }
        ModelState.Clear();
        Draft.PostingId = Posting?.Id;
        var result = await requests.SendAsync(User, Profile, Draft, cancellationToken);
        switch (result.Outcome)
        {
            case ContactOutcome.Sent:
                return Redirect($"/account/inbox/{result.RequestId!.Value.ToString(CultureInfo.InvariantCulture)}?done=sent");
            case ContactOutcome.Invalid:
                foreach (var (field, message) in result.Errors!)
                {
                    ModelState.AddModelError($"{nameof(Draft)}.{field}", message);
                }
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ContactOutcome.RateLimited:
                Limit = result.Limit;
                Response.Headers.RetryAfter = result.Limit!.RetryAfterSeconds(DateTimeOffset.UtcNow);
                ModelState.AddModelError("", LimitMessage(result.Limit));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case ContactOutcome.Blocked:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                // No administrator, or the member's own profile: the page explains it.
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }

    public string LimitMessage(ContactLimitReached limit) => ContactLimitText.Requests(T, limit);

    /// <summary>The team members whose phone or e-mail the profile's page shows this reader (the phone unless the profile relies on contact requests).</summary>
    public IEnumerable<(ManagementTeamMember Member, string? Phone, string? Email)> TeamContacts() =>
        Profile.ManagementTeam.Where(m => m.ContactShownTo(User))
            .Select(m => (m, Profile.RelyOnContactRequests ? null : m.Phone, m.Email))
            .Where(c => c.Item2 is not null || c.Item3 is not null);

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.AsNoTracking().Include(p => p.ManagementTeam.OrderBy(m => m.SortOrder))
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Status == ProfileStatus.Published, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        var userId = User.UserId()!;
        HasAdministrators = await requests.HasAdministratorsAsync(profile.Id, cancellationToken);
        OwnProfile = await requests.AdministersAsync(userId, profile.Id, cancellationToken);
        Block = await requests.BlockOfAsync(userId, cancellationToken);
        MyProfiles = await requests.OwnProfilesAsync(userId, profile.Id, cancellationToken);
        if (PostingId is { } postingId)
        {
            Posting = await db.Set<PartnerSearchPosting>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == postingId && p.ProfileId == profile.Id, cancellationToken);
        }
        return null;
    }
}

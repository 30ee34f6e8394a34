using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A new posting on behalf of a cluster organisation, by those who may edit its profile (checked on the server for
/// the page and the post). Only a published profile posts: the posting links to its page.
/// </summary>
[Authorize]
public class NewPostingPageModel(ClusterAtlasDbContext db, IAuthorizationService authorization, PostingEditor editor, Notifications.SavedSearches savedSearches,
    CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T, Calls.CallPostingDraft callDraft)
    : PostingFormPageModel(editor, countries, labels, T)
{
    public ClusterOrganisation Profile { get; private set; } = null!;

    public bool IsPublished => Profile.Status == ProfileStatus.Published;

    /// <summary>The new posting's form; with <paramref name="call"/> (a call's slug), filled in from that call.</summary>
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? call, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form.Deadline = Editor.Today.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Form.Intents = [PartnerSearchIntents.Partnering];
        if (call is not null)
        {
            await callDraft.FillAsync(Form, call, Editor.Today, cancellationToken);
        }
        await ShowAsync(Profile, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!IsPublished)
        {
            await ShowAsync(Profile, null, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!await ValidateAsync(Profile, null, cancellationToken))
        {
            return Page();
        }
        // Members whose saved searches find the new posting are notified in the same transaction: never one without the other.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var posting = await Editor.CreateAsync(Profile, Form, User, cancellationToken);
        await savedSearches.NotifyMatchesAsync(posting, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/partner-search/{posting.Id}?done=created");
    }

    private async Task<IActionResult?> AuthorizeAsync(string slug, CancellationToken cancellationToken)
    {
        var (profile, refusal) = await this.FindEditableProfileAsync(db, authorization, slug, cancellationToken);
        if (profile is null)
        {
            return refusal;
        }
        Profile = profile;
        return null;
    }
}

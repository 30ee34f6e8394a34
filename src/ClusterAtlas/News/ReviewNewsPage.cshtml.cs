using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.News;

/// <summary>A moderator reads a news item and publishes it or sends it back with the reason; and marks its profile as trusted (or not).</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class ReviewNewsPageModel(ClusterAtlasDbContext db, NewsEditor editor, NewsAccess access, IStringLocalizer<SharedResource> T) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public IHtmlContent BodyHtml { get; private set; } = HtmlString.Empty;

    public bool ProfileTrusted { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string newsSlug, string? done, CancellationToken cancellationToken)
    {
        Done = done;
        return await LoadAsync(newsSlug, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string newsSlug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(newsSlug, cancellationToken) is { } missing)
        {
            return missing;
        }
        // Only what its author submitted is the moderators' to publish: a draft or an item sent back and not yet
        // submitted again is still its author's (the team publishes its own news from the form).
        if (Item.Status != NewsStatus.Submitted)
        {
            ModelState.AddModelError("", Item.Status == NewsStatus.Published
                ? T["This news is published already."]
                : T["Only news submitted for review can be published: its author has not submitted this one ({0}).", NewsLabels.Status(Item.Status, T)]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await editor.PublishAsync(Item, cancellationToken);
        return Redirect("/moderation/news?done=published");
    }

    public async Task<IActionResult> OnPostSendBackAsync(string newsSlug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(newsSlug, cancellationToken) is { } missing)
        {
            return missing;
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > NewsItem.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), reason.Length == 0
                ? T["Write the reason: the author reads it and changes the news accordingly."]
                : T["{0} may be at most {1} characters.", T["Reason"], NewsItem.MaxReasonLength]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await editor.SendBackAsync(Item, reason, cancellationToken);
        return Redirect("/moderation/news?done=sent-back");
    }

    public Task<IActionResult> OnPostTrustAsync(string newsSlug, CancellationToken cancellationToken) => SetTrustAsync(newsSlug, true, cancellationToken);

    public Task<IActionResult> OnPostDistrustAsync(string newsSlug, CancellationToken cancellationToken) => SetTrustAsync(newsSlug, false, cancellationToken);

    private async Task<IActionResult> SetTrustAsync(string newsSlug, bool trusted, CancellationToken cancellationToken)
    {
        if (await LoadAsync(newsSlug, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (Item.ProfileId is not { } profileId)
        {
            return NotFound();
        }
        await editor.SetTrustedAsync(profileId, trusted, User, cancellationToken);
        return Redirect($"/moderation/news/{Item.Slug}?done={(trusted ? "trusted" : "distrusted")}");
    }

    private async Task<IActionResult?> LoadAsync(string newsSlug, CancellationToken cancellationToken)
    {
        var item = await db.Set<NewsItem>().Include(n => n.Profile).Include(n => n.RelatedProfiles)
            .SingleOrDefaultAsync(n => n.Slug == newsSlug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        BodyHtml = PostingText.Html(item.Body);
        ProfileTrusted = item.ProfileId is { } profileId && await access.IsTrustedAsync(profileId);
        return null;
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>The platform team's page of the newsletter: the issues sent with their messages' delivery states, and "send this week's digest now".</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class NewsletterAdminPageModel(ClusterAtlasDbContext db, WeeklyDigest digests, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string Path = "/admin/newsletter";

    public IReadOnlyList<IssueReport> Issues { get; private set; } = [];

    public int Confirmed { get; private set; }

    public int Pending { get; private set; }

    public int Bounced { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSendDigestAsync(CancellationToken cancellationToken)
    {
        var sent = await digests.SendCurrentWeekNowAsync(cancellationToken);
        Done = sent is { } count
            ? T.Plural(count, T["This week's digest is on its way to {0} subscriber."], T["This week's digest is on its way to {0} subscribers.|few"], T["This week's digest is on its way to {0} subscribers."])
            : T["This week's digest was sent already; it is not sent again."];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Issues = await IssueReport.LatestAsync(db, 50, cancellationToken);
        var counts = await db.Set<NewsletterSubscription>().AsNoTracking().GroupBy(s => s.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        Confirmed = counts.GetValueOrDefault(SubscriptionStatus.Confirmed);
        Pending = counts.GetValueOrDefault(SubscriptionStatus.Pending);
        Bounced = counts.GetValueOrDefault(SubscriptionStatus.Bounced);
    }
}

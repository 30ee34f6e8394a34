using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>
/// What the platform team and the command line did, newest first: who, when, to which profile, term or account, and
/// why; narrowed by kind of event, who acted, what it concerned and a range of days, all in the query string.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class AuditLogPageModel(ModerationQueries queries, IStringLocalizer<SharedResource> T) : PageModel
{
    public Paged<ModerationAction> Actions { get; private set; } = null!;

    public AuditFilter Filter { get; private set; } = AuditFilter.None;

    // The fields as typed, shown again in the form.
    public string? Kind { get; private set; }
    public string? Actor { get; private set; }
    public string? Subject { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, string? kind, string? actor, string? subject, string? from, string? to,
        CancellationToken cancellationToken)
    {
        // A page number that is not one shows the first page; the filter fields say themselves what is wrong with them.
        ModelState.Clear();
        (Kind, Actor, Subject, From, To) = (kind, actor, subject, from, to);
        ModerationActionKind? kindWanted = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (Enum.TryParse<ModerationActionKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                kindWanted = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(kind), T["Choose a kind of event from the list."]);
            }
        }
        var fromDate = AuditFilter.ParseDate(from, out var fromValid);
        var toDate = AuditFilter.ParseDate(to, out var toValid);
        if (!fromValid)
        {
            ModelState.AddModelError(nameof(from), T["Enter a date as year-month-day, e.g. 2026-03-31."]);
        }
        if (!toValid)
        {
            ModelState.AddModelError(nameof(to), T["Enter a date as year-month-day, e.g. 2026-03-31."]);
        }
        if (fromDate > toDate)
        {
            ModelState.AddModelError(nameof(to), T["The last day comes before the first: swap them."]);
            toDate = null;
        }
        Filter = new(kindWanted, AuditFilter.Text(actor), AuditFilter.Text(subject), fromDate, toDate);
        Actions = await queries.AuditAsync(Filter, pageNumber, cancellationToken);
    }
}

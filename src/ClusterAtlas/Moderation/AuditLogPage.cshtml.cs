using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Moderation;

/// <summary>What the validation team did, newest first: who, when, to which profile, and why.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class AuditLogPageModel(ModerationQueries queries) : PageModel
{
    public Paged<ModerationAction> Actions { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken) =>
        Actions = await queries.AuditAsync(pageNumber, cancellationToken);
}

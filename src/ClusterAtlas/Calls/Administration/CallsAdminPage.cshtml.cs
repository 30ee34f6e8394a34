using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls.Administration;

/// <summary>The platform team's list of every call, with the ways to add one, import a file and edit each.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class CallsAdminPageModel(ClusterAtlasDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FundingCall> Calls { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Calls = await db.Set<FundingCall>().AsNoTracking().OrderByDescending(c => c.ClosesAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }
}

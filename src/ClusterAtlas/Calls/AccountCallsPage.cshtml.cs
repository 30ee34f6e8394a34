using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Calls;

/// <summary>In the account: for each profile the member administers (with their colleagues), the open calls that fit it and why.</summary>
[Authorize]
public class AccountCallsPageModel(CallsForProfiles calls, TimeProvider clock) : PageModel
{
    public const int PerProfile = 20;

    public IReadOnlyList<CallsForProfiles.ForProfile> Profiles { get; private set; } = [];

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Profiles = await calls.ForMemberAsync(User.UserId()!, PerProfile, cancellationToken);
}

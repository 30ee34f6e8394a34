using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Contact;

/// <summary>The signed-in member's contact requests: those they sent and those to every profile they administer, newest first.</summary>
[Authorize]
public class InboxPageModel(ContactRequests requests) : PageModel
{
    /// <summary>The newest conversations shown; older ones wait for paging, which a member rarely needs.</summary>
    public const int Shown = 200;

    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await requests.InboxAsync(User.UserId()!, Shown, cancellationToken);
}

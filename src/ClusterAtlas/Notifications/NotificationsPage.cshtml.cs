using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Notifications;

/// <summary>The signed-in person's notifications, newest first, with "mark as read" one by one or all at once.</summary>
[Authorize]
public class NotificationsPageModel(NotificationCenter center) : PageModel
{
    public const string Path = "/account/notifications";

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + NotificationCenter.PageSize - 1) / NotificationCenter.PageSize);
    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        PageNumber = Math.Max(1, pageNumber ?? 1);
        (Notifications, Total) = await center.ListAsync(userId, PageNumber, cancellationToken);
        Unread = await center.UnreadCountAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        await center.MarkReadAsync(User.UserId()!, id, cancellationToken);
        return LocalRedirect(Path);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await center.MarkAllReadAsync(User.UserId()!, cancellationToken);
        return LocalRedirect(Path);
    }
}

using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Notifications;

/// <summary>The header's link to the notifications page, with the number of unread ones, for a signed-in person.</summary>
public sealed class NotificationCountViewComponent(NotificationCenter center) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var unread = userId is null ? 0 : await center.UnreadCountAsync(userId, HttpContext.RequestAborted);
        return View("/Notifications/_NotificationCount.cshtml", unread);
    }
}

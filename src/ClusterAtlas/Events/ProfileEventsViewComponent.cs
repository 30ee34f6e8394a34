using ClusterAtlas.Caching;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Events;

/// <summary>
/// A profile's coming events (organised and attending), listed on its page (kept until content changes); its editors
/// also get the link to submit one.
/// </summary>
public sealed class ProfileEventsViewComponent(EventAttendances attendances, ContentReadCache cache) : ViewComponent
{
    public sealed record Model(string Slug, bool MayEdit, IReadOnlyList<EventAttendances.ProfileEvent> Events);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit)
    {
        var events = await cache.GetOrLoadAsync($"profile-events:{profileId}",
            cancellationToken => attendances.UpcomingOfProfileAsync(profileId, 10, cancellationToken), HttpContext.RequestAborted);
        return View("/Events/_ProfileEvents.cshtml", new Model(slug, mayEdit, events));
    }
}

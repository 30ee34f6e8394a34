using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Events;

/// <summary>A profile's coming events (organised and attending), listed on its page; its editors also get the link to submit one.</summary>
public sealed class ProfileEventsViewComponent(EventAttendances attendances) : ViewComponent
{
    public sealed record Model(string Slug, bool MayEdit, IReadOnlyList<EventAttendances.ProfileEvent> Events);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit) =>
        View("/Events/_ProfileEvents.cshtml", new Model(slug, mayEdit, await attendances.UpcomingOfProfileAsync(profileId, 10, HttpContext.RequestAborted)));
}

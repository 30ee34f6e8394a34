using ClusterAtlas.Caching;

namespace ClusterAtlas.Events;

/// <summary>
/// A profile's coming events (organised and attending) as its page lists them (kept until content changes); its
/// editors also get the link to submit one.
/// </summary>
public sealed record ProfileEventsBlock(string Slug, bool MayEdit, IReadOnlyList<EventAttendances.ProfileEvent> Events)
{
    /// <summary>Whether the page shows the block: its editors see it empty too, with the link to submit one.</summary>
    public bool Shown => Events.Count > 0 || MayEdit;

    /// <summary><see cref="EventAttendances"/> (and its DbContext) is asked of <paramref name="requestServices"/> only when the kept list has to be read.</summary>
    public static async Task<ProfileEventsBlock> LoadAsync(int profileId, string slug, bool mayEdit, ContentReadCache cache,
        IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var events = await cache.GetOrLoadAsync($"profile-events:{profileId}",
            token => requestServices.GetRequiredService<EventAttendances>().UpcomingOfProfileAsync(profileId, 10, token), cancellationToken);
        return new ProfileEventsBlock(slug, mayEdit, events);
    }
}

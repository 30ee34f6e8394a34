using ClusterAtlas.Caching;

namespace ClusterAtlas.News;

/// <summary>A profile's articles as its page lists them ("news of this cluster"); its editors also see their unpublished items and the link to write one.</summary>
public sealed record ProfileNewsBlock(string Slug, bool MayEdit, IReadOnlyList<NewsSummary> Items)
{
    /// <summary>Whether the page shows the block: its editors see it empty too, with the link to write one.</summary>
    public bool Shown => Items.Count > 0 || MayEdit;

    /// <summary>
    /// What everyone sees is kept until content changes; an editor's list with the unpublished items is read each time.
    /// <see cref="NewsQueries"/> (and its DbContext) is asked of <paramref name="requestServices"/> only when a list has to be read.
    /// </summary>
    public static async Task<ProfileNewsBlock> LoadAsync(int profileId, string slug, bool mayEdit, ContentReadCache cache,
        IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var items = mayEdit
            ? await requestServices.GetRequiredService<NewsQueries>().OfProfileAsync(profileId, withUnpublished: true, 10, cancellationToken)
            : await cache.GetOrLoadAsync<IReadOnlyList<NewsSummary>>($"profile-news:{profileId}",
                async token => await requestServices.GetRequiredService<NewsQueries>().OfProfileAsync(profileId, withUnpublished: false, 10, token), cancellationToken);
        return new ProfileNewsBlock(slug, mayEdit, items);
    }
}

using ClusterAtlas.Caching;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.News;

/// <summary>A profile's articles on its page ("news of this cluster"); its editors also see their unpublished items and the link to write one.</summary>
public sealed class ProfileNewsViewComponent(NewsQueries queries, ContentReadCache cache) : ViewComponent
{
    public sealed record Model(string Slug, bool MayEdit, IReadOnlyList<NewsSummary> Items);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit)
    {
        // What everyone sees is kept until content changes; an editor's list with the unpublished items is read each time.
        var items = mayEdit
            ? await queries.OfProfileAsync(profileId, withUnpublished: true, 10, HttpContext.RequestAborted)
            : await cache.GetOrLoadAsync<IReadOnlyList<NewsSummary>>($"profile-news:{profileId}",
                async cancellationToken => await queries.OfProfileAsync(profileId, withUnpublished: false, 10, cancellationToken), HttpContext.RequestAborted);
        return View("/News/_ProfileNews.cshtml", new Model(slug, mayEdit, items));
    }
}

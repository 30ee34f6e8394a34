using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.News;

/// <summary>A profile's articles on its page ("news of this cluster"); its editors also see their unpublished items and the link to write one.</summary>
public sealed class ProfileNewsViewComponent(NewsQueries queries) : ViewComponent
{
    public sealed record Model(string Slug, bool MayEdit, IReadOnlyList<NewsSummary> Items);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit)
    {
        var items = await queries.OfProfileAsync(profileId, mayEdit, 10, HttpContext.RequestAborted);
        return View("/News/_ProfileNews.cshtml", new Model(slug, mayEdit, items));
    }
}

using ClusterAtlas.Caching;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.WhatsNew;

/// <summary>
/// The home page's "what's new": a short list from every section but the profiles (the page lists the latest
/// profiles itself); a section with nothing to show is left out. Each section's list is kept until content changes.
/// </summary>
public sealed class WhatsNewViewComponent(IServiceProvider services, ContentReadCache cache) : ViewComponent
{
    public const int PerSection = 4;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var groups = new List<(string Section, IReadOnlyList<PublishedItem> Items)>();
        foreach (var section in services.Sections().Where(s => s.Section != "profiles"))
        {
            var items = await cache.GetOrLoadAsync($"whats-new:{section.Section}",
                cancellationToken => section.ForHomePageAsync(PerSection, cancellationToken), HttpContext.RequestAborted);
            if (items.Count > 0)
            {
                groups.Add((section.Section, items));
            }
        }
        return View("/WhatsNew/_WhatsNew.cshtml", groups);
    }
}

using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>A news item: public once published; before that only its profile's editors and the platform team see it.</summary>
[PublicCache(ContentTags.News, ContentTags.Profiles)]
public class NewsPageModel(ClusterAtlasDbContext db, NewsAccess access) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public IHtmlContent BodyHtml { get; private set; } = HtmlString.Empty;

    public bool MayEdit { get; private set; }

    /// <summary>What the last post did: draft, submitted, published or saved.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string newsSlug, string? done, CancellationToken cancellationToken)
    {
        var item = await db.Set<NewsItem>().AsNoTracking().Include(n => n.Profile)
            .Include(n => n.RelatedProfiles.Where(p => p.Status == Profiles.ProfileStatus.Published).OrderBy(p => p.Name))
            .SingleOrDefaultAsync(n => n.Slug == newsSlug, cancellationToken);
        var isPublic = item is { Status: NewsStatus.Published } && (item.Profile is null || item.Profile.Status == Profiles.ProfileStatus.Published);
        if (item is null || (!isPublic && !await access.MaySeeUnpublishedAsync(User, item)))
        {
            return NotFound();
        }
        Item = item;
        BodyHtml = PostingText.Html(item.Body);
        MayEdit = await access.MayEditAsync(User, item);
        Done = done;
        return Page();
    }
}

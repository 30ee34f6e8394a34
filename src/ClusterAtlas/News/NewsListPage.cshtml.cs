using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>The published news, newest first, filtered by words, tag and profile; the state in the query string, so it works without script.</summary>
[PublicCache(ContentTags.News, ContentTags.Profiles)]
public class NewsListPageModel(NewsQueries queries, ClusterAtlasDbContext db) : PageModel
{
    public NewsQuery Query { get; private set; } = new(null, null, null, 1);

    public Paged<NewsSummary> Found { get; private set; } = null!;

    public IReadOnlyList<string> TagChoices { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> ProfileChoices { get; private set; } = [];

    /// <summary>The signed-in member's profiles, each with a link to write news for it.</summary>
    public IReadOnlyList<(string Slug, string Name)> WriteFor { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? tag, string? profile, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        Query = new NewsQuery(q?.Trim(), string.IsNullOrWhiteSpace(tag) ? null : TextFolding.Slug(tag), profile?.Trim(), pageNumber);
        Found = await queries.SearchAsync(Query, cancellationToken);
        TagChoices = await queries.TagsInUseAsync(cancellationToken);
        ProfileChoices = await queries.ProfilesWithNewsAsync(cancellationToken);
        if (Accounts.AccountClaims.UserId(User) is { } userId)
        {
            var mine = await db.ProfileAdministrators.AsNoTracking()
                .Where(a => a.UserId == userId && a.ClusterOrganisation.Status == ProfileStatus.Published)
                .OrderBy(a => a.ClusterOrganisation.Name).Select(a => new { a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name })
                .Take(20).ToListAsync(cancellationToken);
            WriteFor = [.. mine.Select(p => (p.Slug, p.Name))];
        }
    }
}

using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>The reads of news: the public list with its filters, a profile's articles, the moderators' queue.</summary>
public sealed class NewsQueries(ClusterAtlasDbContext db)
{
    public IQueryable<NewsItem> Published =>
        db.Set<NewsItem>().AsNoTracking().Where(n => n.Status == NewsStatus.Published && (n.ProfileId == null || n.Profile!.Status == ProfileStatus.Published));

    public async Task<Paged<NewsSummary>> SearchAsync(NewsQuery query, CancellationToken cancellationToken)
    {
        var items = Published;
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = TextFolding.Slug(query.Tag);
            items = items.Where(n => n.Tags.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(query.Profile))
        {
            var profile = query.Profile.Trim();
            items = items.Where(n => n.Profile!.Slug == profile || n.RelatedProfiles.Any(p => p.Slug == profile));
        }
        foreach (var word in (query.Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var key = TextFolding.MatchKey(word);
            if (key.Length > 0)
            {
                items = items.Where(n => n.SearchText.Contains(key));
            }
        }
        var total = await items.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, NewsQuery.PageSize);
        var page = Paging.InRange(query.Page, pageCount);
        var shown = await Summaries(items.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * NewsQuery.PageSize).Take(NewsQuery.PageSize)).ToListAsync(cancellationToken);
        return new(shown, page, pageCount, total);
    }

    public Task<List<NewsSummary>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Summaries(Published.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(count)).ToListAsync(cancellationToken);

    /// <summary>A profile's articles: those it submitted, newest first; its editors also see the unpublished ones.</summary>
    public Task<List<NewsSummary>> OfProfileAsync(int profileId, bool withUnpublished, int count, CancellationToken cancellationToken) =>
        Summaries(db.Set<NewsItem>().AsNoTracking()
                .Where(n => n.ProfileId == profileId && (withUnpublished || n.Status == NewsStatus.Published))
                .OrderBy(n => n.Status == NewsStatus.Published).ThenByDescending(n => n.PublishedAt ?? n.UpdatedAt).ThenByDescending(n => n.Id)
                .Take(count))
            .ToListAsync(cancellationToken);

    /// <summary>The profiles that published news, for the list's filter.</summary>
    public async Task<List<(string Slug, string Name)>> ProfilesWithNewsAsync(CancellationToken cancellationToken)
    {
        var profiles = await Published.Where(n => n.ProfileId != null).Select(n => new { n.Profile!.Slug, n.Profile.Name }).Distinct()
            .OrderBy(p => p.Name).Take(500).ToListAsync(cancellationToken);
        return [.. profiles.Select(p => (p.Slug, p.Name))];
    }

    /// <summary>The tags of published news, the most used first, for the list's filter.</summary>
    public async Task<List<string>> TagsInUseAsync(CancellationToken cancellationToken)
    {
        var lists = await Published.OrderByDescending(n => n.PublishedAt).Take(1000).Select(n => n.Tags).ToListAsync(cancellationToken);
        return [.. lists.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(100).Select(g => g.Key)];
    }

    /// <summary>What waits for the moderators (the longest waiting first), and the other recent news.</summary>
    public Task<List<NewsSummary>> WithStatusAsync(NewsStatus status, int count, CancellationToken cancellationToken)
    {
        var items = db.Set<NewsItem>().AsNoTracking().Where(n => n.Status == status);
        items = status == NewsStatus.Submitted
            ? items.OrderBy(n => n.SubmittedAt).ThenBy(n => n.Id)
            : items.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id);
        return Summaries(items.Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The editorial team's own drafts, for the moderators' page. A profile's drafts are not there: they are its
    /// author's until submitted, and a moderator may not publish what was never submitted.
    /// </summary>
    public Task<List<NewsSummary>> EditorialDraftsAsync(int count, CancellationToken cancellationToken) =>
        Summaries(db.Set<NewsItem>().AsNoTracking().Where(n => n.Status == NewsStatus.Draft && n.ProfileId == null)
            .OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Take(count)).ToListAsync(cancellationToken);

    public static IQueryable<NewsSummary> Summaries(IQueryable<NewsItem> items) =>
        items.Select(n => new NewsSummary(n.Slug, n.Title, n.Summary, n.PublishedAt ?? n.UpdatedAt, n.Status,
            n.Profile == null ? null : n.Profile.Name, n.Profile == null ? null : n.Profile.Slug, n.Tags, n.ImageSha256, n.ImageAlt));
}

using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>Published news for the digest, the home page and the tag pages; its countries are those of the submitting and related profiles.</summary>
public sealed class NewsPublishedItems(NewsQueries queries) : IPublishedItems
{
    public string Section => "news";

    public int Order => 20;

    public Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        ItemsAsync(queries.Published.Where(n => n.PublishedAt >= since && n.PublishedAt < until), int.MaxValue, cancellationToken);

    public Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken) =>
        queries.Published.Where(n => n.PublishedAt != null).OrderBy(n => n.PublishedAt).Select(n => n.PublishedAt).FirstOrDefaultAsync(cancellationToken);

    public Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken) =>
        ItemsAsync(queries.Published, count, cancellationToken);

    public Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken) =>
        ItemsAsync(queries.Published.Where(n => n.Tags.Contains(tag)), count, cancellationToken);

    private static async Task<IReadOnlyList<PublishedItem>> ItemsAsync(IQueryable<NewsItem> items, int count, CancellationToken cancellationToken)
    {
        var rows = await items.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(count).AsSplitQuery()
            .Select(n => new
            {
                n.Slug, n.Title, n.Summary, n.PublishedAt, n.Tags,
                Country = n.Profile == null ? null : n.Profile.CountryCode,
                Related = n.RelatedProfiles.Select(p => p.CountryCode).ToList(),
                Sectors = n.Profile == null ? new List<string>() : n.Profile.Terms.Where(t => t.Field == ProfileField.SectoralIndustry).Select(t => t.Term.Label).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(n => new PublishedItem("news", n.Title, n.Summary, $"/news/{n.Slug}", n.PublishedAt!.Value,
            [.. n.Sectors.Select(TextFolding.Slug).Distinct(StringComparer.Ordinal)], [.. n.Related.Prepend(n.Country).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)], n.Tags))];
    }
}

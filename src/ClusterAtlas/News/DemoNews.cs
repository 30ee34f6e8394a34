using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.News;

/// <summary>
/// Published news of sample profiles, so that a fresh start shows what the news are for rather than an empty list.
/// Each says it is sample data; they go with their profiles (`demo-data --remove`).
/// </summary>
public sealed class DemoNews(ClusterAtlasDbContext db, TimeProvider clock)
{
    private static readonly (string Title, string Summary, string Body, string[] Tags)[] Templates =
    [
        ("{0} opens its test lab to SMEs from abroad", "Member companies and SMEs from other countries can book test slots from next month.",
            "Our cluster opened a shared **test lab**. SMEs from abroad can book test slots; we help with the application and the logistics.", ["testing", "sme-support"]),
        ("{0} signs a cooperation agreement with two partner clusters", "A joint matchmaking programme and staff exchange for the next three years.",
            "We signed a cooperation agreement with two partner clusters: joint matchmaking, a staff exchange and a common stand at trade fairs.", ["cooperation", "internationalisation"]),
        ("{0} welcomes ten new members", "Ten companies and two research institutes joined the cluster this quarter.",
            "Ten companies and two research institutes joined us this quarter. Welcome! Meet them at our next members' day.", ["members"]),
        ("{0} launches a green transition programme", "Coaching and funding advice for members on their way to lower emissions.",
            "Our new programme helps members measure and lower their emissions, with coaching and advice on funding.", ["green-transition", "sme-support"]),
    ];

    /// <summary>Adds up to <paramref name="count"/> published items when there is no news yet; returns how many it added.</summary>
    public async Task<int> AddAsync(int count, int seed, CancellationToken cancellationToken)
    {
        if (count <= 0 || await db.Set<NewsItem>().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var random = new Random(seed);
        var profiles = await db.ClusterOrganisations
            .Where(p => p.IsSampleData && p.Status == ProfileStatus.Published)
            .OrderBy(p => p.Id).Take(count * 4).ToListAsync(cancellationToken);
        var chosen = profiles.OrderBy(_ => random.Next()).Take(Math.Min(count, Templates.Length)).ToList();
        var now = clock.GetUtcNow();
        foreach (var (profile, i) in chosen.Select((p, i) => (p, i)))
        {
            var template = Templates[i];
            var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Title, profile.Name);
            var body = template.Body + "\n\n*Sample data: this news and its cluster organisation are fictitious.*";
            var published = now.AddDays(-random.Next(1, 40));
            var item = new NewsItem
            {
                Slug = TextFolding.Slug(title) is { Length: > 0 and <= NewsItem.MaxSlugLength - 8 } slug ? slug : $"sample-news-{i + 1}",
                Title = title.Length > NewsItem.MaxTitleLength ? title[..NewsItem.MaxTitleLength] : title,
                Summary = template.Summary,
                Body = body,
                Tags = [.. template.Tags],
                SearchText = NewsEditor.SearchTextOf(title, template.Summary, body, template.Tags),
                ProfileId = profile.Id,
                AuthorName = "Sample data",
                Status = NewsStatus.Published,
                CreatedAt = published,
                UpdatedAt = published,
                SubmittedAt = published,
                PublishedAt = published,
            };
            if (profiles.FirstOrDefault(p => p.Id != profile.Id && p.CountryCode != profile.CountryCode) is { } partner && i == 1)
            {
                item.RelatedProfiles.Add(partner);
            }
            db.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Count;
    }
}

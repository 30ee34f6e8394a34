using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// Open partner searches (a posting is public from its creation), for the weekly digest and the home page: sectors
/// from its sectoral industries, countries from its profile's country and the countries where partners are sought.
/// </summary>
public sealed class PublishedPostings(ClusterAtlasDbContext db) : IPublishedItems
{
    public const int MaxSummaryLength = 280;

    public string Section => "postings";

    public int Order => 50;

    public async Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        await ItemsAsync(db.Set<PartnerSearchPosting>().Where(p => p.CreatedAt >= since && p.CreatedAt < until), int.MaxValue, cancellationToken);

    public async Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken) =>
        await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
            .OrderBy(p => p.CreatedAt).Select(p => (DateTimeOffset?)p.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken) =>
        await ItemsAsync(db.Set<PartnerSearchPosting>(), count, cancellationToken);

    /// <summary>Postings have no tags yet.</summary>
    public Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublishedItem>>([]);

    private async Task<IReadOnlyList<PublishedItem>> ItemsAsync(IQueryable<PartnerSearchPosting> postings, int count, CancellationToken cancellationToken)
    {
        var rows = await postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(count)
            .Select(p => new
            {
                p.Id, p.Title, p.Text, p.CreatedAt, p.TargetCountries, ProfileName = p.Profile.Name, ProfileCountry = p.Profile.CountryCode,
                Sectors = p.Terms.Where(t => t.Field == PostingTermField.SectoralIndustry).OrderBy(t => t.SortOrder).Select(t => t.Term.Label).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PublishedItem(
            Section, r.Title, r.ProfileName + ": " + PostingText.Excerpt(PostingText.Plain(r.Text), MaxSummaryLength), "/partner-search/" + r.Id, r.CreatedAt,
            [.. r.Sectors.Select(TextFolding.Slug).Distinct(StringComparer.Ordinal)],
            [.. r.TargetCountries.Prepend(r.ProfileCountry).OfType<string>().Distinct(StringComparer.Ordinal)],
            []))];
    }
}

using ClusterAtlas.Data;
using ClusterAtlas.Vocabularies;
using ClusterAtlas.WhatsNew;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles;

/// <summary>Newly published profiles, for the weekly digest and the home page: with their sectors (the directory's slugs) and country.</summary>
public sealed class PublishedProfiles(ClusterAtlasDbContext db) : IPublishedItems
{
    public const int MaxSummaryLength = 280;

    public string Section => "profiles";

    public int Order => 10;

    public async Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        await ItemsAsync(db.ClusterOrganisations.Where(p => p.PublishedAt >= since && p.PublishedAt < until), int.MaxValue, cancellationToken);

    public async Task<DateTimeOffset?> FirstPublishedAsync(CancellationToken cancellationToken) =>
        await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published && p.PublishedAt != null)
            .OrderBy(p => p.PublishedAt).Select(p => p.PublishedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedItem>> ForHomePageAsync(int count, CancellationToken cancellationToken) =>
        await ItemsAsync(db.ClusterOrganisations, count, cancellationToken);

    /// <summary>Profiles have no tags.</summary>
    public Task<IReadOnlyList<PublishedItem>> TaggedAsync(string tag, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublishedItem>>([]);

    private async Task<IReadOnlyList<PublishedItem>> ItemsAsync(IQueryable<ClusterOrganisation> profiles, int count, CancellationToken cancellationToken)
    {
        var rows = await profiles.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published && p.PublishedAt != null)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(count)
            .Select(p => new
            {
                p.Slug, p.Name, p.ShortDescription, p.CountryCode, PublishedAt = p.PublishedAt!.Value,
                Sectors = p.Terms.Where(t => t.Field == ProfileField.SectoralIndustry).OrderBy(t => t.SortOrder).Select(t => t.Term.Label).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PublishedItem(
            Section, r.Name, Shorten(r.ShortDescription), "/cluster-organisations/" + r.Slug, r.PublishedAt,
            [.. r.Sectors.Select(TextFolding.Slug).Distinct(StringComparer.Ordinal)],
            r.CountryCode is null ? [] : [r.CountryCode],
            []))];
    }

    private static string? Shorten(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : PartnerSearch.PostingText.Excerpt(text.Trim(), MaxSummaryLength);
}

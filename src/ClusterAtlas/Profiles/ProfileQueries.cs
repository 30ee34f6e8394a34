using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles;

/// <remarks>
/// The DbContext is asked of the request's services only when a query runs: an anonymous profile page served from
/// <see cref="PublishedProfileCache"/> makes none, and building a context was a noticeable part of its cost.
/// </remarks>
public sealed class ProfileQueries(IServiceProvider services, DataLabels labels, CountryList countries, DirectoryIndex directory, PublishedProfileCache cache)
{
    private ClusterAtlasDbContext? context;

    private ClusterAtlasDbContext Db => context ??= services.GetRequiredService<ClusterAtlasDbContext>();

    /// <summary>
    /// A published profile with everything its page shows, or null. Loaded views are kept while the directory
    /// has not changed (any write anywhere makes a new one), so a popular page costs no query. (Not by the directory's
    /// last change time: a write that commits late, with an earlier time, leaves it as it was.)
    /// </summary>
    public async Task<ProfileView?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
    {
        if (!directory.IsBuilt)
        {
            // Just started, the directory still being built: the page from the database, without waiting for it.
            return await LoadAsync(slug, published: true, cancellationToken);
        }
        var (current, behind) = await directory.CurrentOrPreviousAsync(DirectoryIndex.ReaderWait, cancellationToken);
        if (behind)
        {
            // A write's refresh under way (seconds at a million profiles): the page from the database, not kept.
            return await LoadAsync(slug, published: true, cancellationToken);
        }
        var version = current.Generation;
        if (cache.TryGet(slug, version, out var cached))
        {
            return cached;
        }
        var view = await LoadAsync(slug, published: true, cancellationToken);
        cache.Set(slug, version, view);
        return view;
    }

    /// <summary>
    /// A profile that is not published (a draft, submitted, rejected or archived), loaded afresh on every call: only
    /// those who may edit it see it, and they expect their latest save.
    /// </summary>
    public Task<ProfileView?> FindUnpublishedAsync(string slug, CancellationToken cancellationToken) =>
        LoadAsync(slug, published: false, cancellationToken);

    private async Task<ProfileView?> LoadAsync(string slug, bool published, CancellationToken cancellationToken)
    {
        var profiles = published
            ? Db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published)
            : Db.ClusterOrganisations.Where(p => p.Status != ProfileStatus.Published);
        var profile = await profiles.AsNoTracking().WithContent().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null)
        {
            return null;
        }
        // Terms an import proposed are not shown until an administrator accepts them.
        profile.Terms.RemoveAll(t => t.Term.Status == TermStatus.Proposed);
        // Its collaborating clusters are linked as the network matched them (Network.StatedPartnerLinks), not here.
        return new ProfileView(profile, labels, countries);
    }

    public Task<IReadOnlyList<ProfileSummary>> LatestPublishedAsync(int count, CancellationToken cancellationToken) =>
        SummariesAsync(Db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(count), cancellationToken);

    /// <summary>Card data for a page of profiles: one query for the profiles, one for their first sectors.</summary>
    private async Task<IReadOnlyList<ProfileSummary>> SummariesAsync(IQueryable<ClusterOrganisation> profiles, CancellationToken cancellationToken)
    {
        var rows = await profiles
            .Select(p => new { p.Id, p.Slug, p.Name, p.Acronym, p.CountryCode, p.RegionName, p.ShortDescription, p.ExcellenceLabel, p.TotalMembers, p.IsSampleData, p.LogoSha256, p.RelyOnContactRequests })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var sectors = (await Db.Set<ProfileTerm>().AsNoTracking()
                .Where(t => ids.Contains(t.ClusterOrganisationId) && t.Field == ProfileField.SectoralIndustry && t.Term.Status != TermStatus.Proposed)
                .Select(t => new { t.ClusterOrganisationId, t.SortOrder, t.Term.Label })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.ClusterOrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.SortOrder).Select(t => t.Label).Take(3).ToList());
        return [.. rows.Select(r => new ProfileSummary(
            r.Slug, r.Name, r.Acronym, r.CountryCode, r.RegionName, r.ShortDescription, r.ExcellenceLabel, r.TotalMembers, r.IsSampleData,
            sectors.GetValueOrDefault(r.Id) ?? [], r.LogoSha256, r.RelyOnContactRequests))];
    }

    public string CountryName(string? code) => labels.Country(code);
}

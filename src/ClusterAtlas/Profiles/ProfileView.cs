using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles;

/// <summary>A profile ready to show: terms by field, country names, partner links, rendered Markdown.</summary>
/// <remarks>Names from data (countries, terms) are looked up in the page's language at each call: a view is cached across requests.</remarks>
public sealed class ProfileView(ClusterOrganisation profile, DataLabels labels, CountryList countries, IReadOnlyDictionary<string, string> partnerSlugs)
{
    public ClusterOrganisation Profile { get; } = profile;

    public string CountryName(string? code) => labels.Country(code);

    public IReadOnlyList<string> Terms(ProfileField field) => [.. Profile.TermsOf(field).Select(t => labels.Term(t.Term))];

    /// <summary>A free-text value that may be a term of a vocabulary (a role, a facility type) in the page's language.</summary>
    public string TermOrText(string vocabulary, string text) => labels.Term(vocabulary, text);

    /// <summary>
    /// The language of the name in the local language, for its lang attribute: the profile's choice, else the country's
    /// main language (profiles saved before the choice existed). Never the country code: "rs" is no language.
    /// </summary>
    public string? LocalNameLanguage => Profile.LocalLanguage ?? countries.MainLanguageOf(Profile.CountryCode);

    /// <summary>The slug of a collaborating cluster that has a profile here, if any.</summary>
    public string? PartnerSlug(CollaboratingCluster partner) => partnerSlugs.GetValueOrDefault(TextFolding.Slug(partner.Name));

    // Rendered once per loaded profile, not on every page view.
    private IHtmlContent? _strategyHtml;
    private IHtmlContent? _servicesHtml;

    public IHtmlContent StrategyHtml => _strategyHtml ??= Markdown(Profile.StrategyMarkdown);

    public IHtmlContent ServicesHtml => _servicesHtml ??= Markdown(Profile.SupportServicesMarkdown);

    public static IHtmlContent Markdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            // Only links the link policy allows: "javascript:" and the like become plain text. Images are shown as
            // links: a profile does not load pictures from elsewhere.
            if (!LinkPolicy.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                link.Url = "";
            }
            link.IsImage = false;
        }
        // Autolinks (<scheme:anything>) are their own kind of inline: one the policy refuses is left as its text.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!LinkPolicy.IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        var html = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(html);
        MarkdownPipeline.Setup(renderer);
        renderer.Render(document);
        return new HtmlString(html.ToString());
    }

    // Raw HTML is disabled: whatever people type is shown as text, never run as markup.
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
}

public sealed class ProfileQueries(ClusterAtlasDbContext db, DataLabels labels, CountryList countries, DirectoryIndex directory, PublishedProfileCache cache)
{
    /// <summary>
    /// A published profile with everything its page shows, or null. Loaded views are kept while the directory
    /// has not changed (any write anywhere changes its version), so a popular page costs no query.
    /// </summary>
    public async Task<ProfileView?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
    {
        var version = (await directory.CurrentAsync(cancellationToken)).LastChange;
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
            ? db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published)
            : db.ClusterOrganisations.Where(p => p.Status != ProfileStatus.Published);
        var profile = await profiles.AsNoTracking()
            .Include(p => p.ManagementTeam.OrderBy(m => m.SortOrder))
            .Include(p => p.SupportFacilities.OrderBy(f => f.SortOrder))
            .Include(p => p.MajorPlayers.OrderBy(m => m.SortOrder))
            .Include(p => p.CollaboratingClusters.OrderBy(c => c.SortOrder))
            .Include(p => p.SupportProgrammes.OrderBy(s => s.SortOrder))
            .Include(p => p.SuccessStories.OrderBy(s => s.SortOrder))
            .Include(p => p.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null)
        {
            return null;
        }
        // Terms an import proposed are not shown until an administrator accepts them.
        profile.Terms.RemoveAll(t => t.Term.Status == TermStatus.Proposed);
        var candidateSlugs = profile.CollaboratingClusters.Select(c => TextFolding.Slug(c.Name)).Distinct().ToList();
        var partners = candidateSlugs.Count == 0
            ? []
            : await db.ClusterOrganisations.AsNoTracking()
                .Where(p => p.Status == ProfileStatus.Published && candidateSlugs.Contains(p.Slug))
                .Select(p => p.Slug)
                .ToListAsync(cancellationToken);
        return new ProfileView(profile, labels, countries, partners.ToDictionary(s => s));
    }

    public Task<IReadOnlyList<ProfileSummary>> LatestPublishedAsync(int count, CancellationToken cancellationToken) =>
        SummariesAsync(db.ClusterOrganisations.AsNoTracking()
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
        var sectors = (await db.Set<ProfileTerm>().AsNoTracking()
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

public sealed record ProfileSummary(
    string Slug, string Name, string? Acronym, string? CountryCode, string? RegionName, string? ShortDescription,
    ExcellenceLabel? ExcellenceLabel, int? TotalMembers, bool IsSampleData, List<string> Sectors, string? LogoSha256 = null, bool RelyOnContactRequests = false);

/// <summary>Loaded profile views (and misses) by slug, valid for one version of the directory.</summary>
public sealed class PublishedProfileCache
{
    private const int Capacity = 2000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Version, ProfileView? View)> _views = new(StringComparer.Ordinal);

    public bool TryGet(string slug, DateTimeOffset version, out ProfileView? view)
    {
        if (_views.TryGetValue(slug, out var entry) && entry.Version == version)
        {
            view = entry.View;
            return true;
        }
        view = null;
        return false;
    }

    public void Set(string slug, DateTimeOffset version, ProfileView? view)
    {
        if (_views.Count >= Capacity)
        {
            _views.Clear();
        }
        _views[slug] = (version, view);
    }
}

public static class ProfilesFeature
{
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddScoped<ProfileQueries>().AddSingleton<PublishedProfileCache>().AddScoped<Editing.ProfileEditor>()
            .AddScoped<Editing.ProfileColleagues>().AddScoped<Editing.ColleagueMail>();
}

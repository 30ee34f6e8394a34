using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>
/// The published events, upcoming or past, in the directory's style: every word of q must start a word of the event
/// (the partner search's matching), and each facet's counts apply every other facet's filters. Events are few, so the
/// published ones of the chosen period are filtered in memory after one query.
/// </summary>
public sealed class EventSearch(ClusterAtlasDbContext db, DataLabels labels, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    private sealed record Candidate(EventSummary Summary, string[] Words);

    public async Task<EventSearchResult> SearchAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = db.Set<ClusterEvent>().AsNoTracking().Where(e => e.Status == EventStatus.Published);
        events = query.Past ? events.Where(e => e.EndsAt < now) : events.Where(e => e.EndsAt >= now);
        var rows = await events.Select(e => new
        {
            e.Id, e.Slug, e.Title, e.Summary, e.Description, e.Kind, e.StartsAt, e.EndsAt, e.TimeZone, e.IsOnline, e.Venue, e.City, e.CountryCode,
            OrganiserName = e.OrganiserProfile == null ? null : e.OrganiserProfile.Name,
            OrganiserSlug = e.OrganiserProfile == null ? null : e.OrganiserProfile.Slug,
            e.Sectors, e.Countries, e.Tags, e.PublishedAt,
        }).ToListAsync(cancellationToken);
        var candidates = rows.Select(r =>
        {
            var summary = new EventSummary(r.Id, r.Slug, r.Title, r.Summary, r.Kind, r.StartsAt, r.EndsAt, r.TimeZone, r.IsOnline, r.City, r.CountryCode,
                r.OrganiserName, r.OrganiserSlug, r.Sectors, r.Countries, r.Tags, r.PublishedAt);
            var searchable = string.Join(' ', new[] { r.Title, r.Summary, PostingText.Plain(r.Description), r.Venue, r.City, r.OrganiserName, labels.Country(r.CountryCode) }
                .Concat(r.Sectors.Select(s => labels.Term(Vocabulary.SectoralIndustries, s))).Concat(r.Sectors).Concat(r.Tags.Select(WhatsNew.Tags.Display)));
            return new Candidate(summary, PostingSearch.Words(searchable));
        }).ToList();

        var queryWords = PostingSearch.Words(query.Search.Q ?? "");
        var matching = candidates.Where(c => SmallListSearch.HasWords(c.Words, queryWords)).ToList();
        var facets = SmallListSearch.Facets(matching, query.Search, EventQuery.Facets, (c, facet) => c.Summary.ValuesOf(facet), FacetLabel);
        var found = matching.Where(c => Passes(c, query, null)).Select(c => c.Summary);
        var all = (query.Past
            ? found.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            : found.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)).ToList();
        var page = all.Skip((query.Search.Page - 1) * query.Search.PageSize).Take(query.Search.PageSize).ToList();
        return new EventSearchResult(all.Count, page, facets);
    }

    private static bool Passes(Candidate candidate, EventQuery query, string? except) =>
        SmallListSearch.Passes(query.Search, candidate.Summary.ValuesOf, except);

    /// <summary>A facet value in the page's language.</summary>
    public string FacetLabel(string facet, string value) => facet switch
    {
        EventQuery.Kind => Enum.TryParse<EventKind>(value, out var kind) && !int.TryParse(value, out _) ? EventLabels.Kind(kind, T) : value,
        EventQuery.Format => value == EventQuery.Online ? T["Online"] : value == EventQuery.InPerson ? T["In person"] : value,
        EventQuery.Sector => labels.Term(Vocabulary.SectoralIndustries, value),
        EventQuery.Country => labels.Country(value),
        EventQuery.Tag => WhatsNew.Tags.Display(value),
        _ => value,
    };
}

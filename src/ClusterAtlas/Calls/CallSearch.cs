using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>
/// The calls list: open and forthcoming ones closing soonest first, or closed ones latest first; every word of q starts
/// a word of the call (the partner search's matching), and facets count the directory's disjunctive way. Calls are
/// few (hundreds), so they are read in one query and filtered in memory.
/// </summary>
public sealed class CallSearch(ClusterAtlasDbContext db, DataLabels labels, TimeProvider clock)
{
    private sealed record Candidate(CallSummary Summary, string[] Words);

    public async Task<CallSearchResult> SearchAsync(CallQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = (await SummariesAsync(query.Closed ? c => c.ClosesAt <= now : c => c.ClosesAt > now, cancellationToken))
            .Select(s => new Candidate(s, PostingSearch.Words(Searchable(s))))
            .ToList();
        var queryWords = PostingSearch.Words(query.Search.Q ?? "");
        var matching = candidates.Where(c => SmallListSearch.HasWords(c.Words, queryWords)).ToList();
        var facets = SmallListSearch.Facets(matching, query.Search, CallQuery.Facets, (c, facet) => c.Summary.ValuesOf(facet), FacetLabel);
        var found = matching.Where(c => Passes(c, query, null)).Select(c => c.Summary);
        found = query.Closed
            ? found.OrderByDescending(s => s.ClosesAt).ThenBy(s => s.Id)
            : found.OrderBy(s => s.ClosesAt).ThenBy(s => s.Id);
        var all = found.ToList();
        return new CallSearchResult(all.Count, [.. all.Skip((query.Search.Page - 1) * query.Search.PageSize).Take(query.Search.PageSize)], facets);
    }

    /// <summary>Calls as lists show them, with their terms; <paramref name="where"/> filters in the database.</summary>
    public async Task<IReadOnlyList<CallSummary>> SummariesAsync(System.Linq.Expressions.Expression<Func<FundingCall, bool>> where, CancellationToken cancellationToken)
    {
        var rows = await db.Set<FundingCall>().AsNoTracking().Where(where)
            .Select(c => new
            {
                c.Id, c.Slug, c.Title, c.Programme, c.Identifier, c.OpensOn, c.ClosesAt, c.ClosingTimeZone, c.AddedAt, c.EligibleCountries, c.Tags, c.Summary,
                Terms = c.Terms.OrderBy(t => t.SortOrder).Select(t => new { t.Field, t.VocabularyTermId, t.Term.Vocabulary, t.Term.Label }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CallSummary(r.Id, r.Slug, r.Title, r.Programme, r.Identifier, r.OpensOn, r.ClosesAt, r.ClosingTimeZone, r.AddedAt,
            r.EligibleCountries, [.. r.Terms.Select(t => new CallSummaryTerm(t.Field, t.VocabularyTermId, t.Vocabulary, t.Label))], r.Tags,
            PostingText.Excerpt(PostingText.Plain(r.Summary), 280)))];
    }

    private string Searchable(CallSummary call) =>
        string.Join(' ', new[] { call.Title, call.Programme, call.Identifier, call.Excerpt }
            .Concat(call.Terms.SelectMany(t => new[] { t.Label, labels.Term(t.Vocabulary, t.Label) }))
            .Concat(call.EligibleCountries.Select(labels.Country)));

    private static bool Passes(Candidate candidate, CallQuery query, string? except) =>
        SmallListSearch.Passes(query.Search, candidate.Summary.ValuesOf, except);

    /// <summary>A facet value in the page's language.</summary>
    public string FacetLabel(string facet, string value) => facet switch
    {
        CallQuery.Sector => labels.Term(Vocabulary.SectoralIndustries, value),
        CallQuery.Technology => labels.Term(Vocabulary.TechnologyFields, value),
        CallQuery.S3Area => labels.Term(Vocabulary.S3PriorityAreas, value),
        CallQuery.Country => labels.Country(value),
        _ => value,
    };
}

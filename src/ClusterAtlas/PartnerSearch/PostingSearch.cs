using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// The list of open postings: every word of q must start a word of the posting (accents and case folded), and the
/// facets count the disjunctive way the directory does (each facet's counts apply every other facet's filters).
/// Postings are few next to profiles (they close), so the open ones are filtered in memory after one query.
/// </summary>
public sealed partial class PostingSearch(ClusterAtlasDbContext db, DataLabels labels, CountryList countries, IStringLocalizer<SharedResource> T)
{
    /// <summary>
    /// Filter values that cannot be right, named by their parameter: a kind or intent the list does not have, a country
    /// that is not an ISO code, a sector or technology no vocabulary has. A known value no open posting carries is no
    /// error (it finds nothing).
    /// </summary>
    public async Task<Dictionary<string, Pages.ParameterError[]>> UnknownValuesAsync(PostingQuery query, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, Pages.ParameterError[]>(StringComparer.Ordinal);
        void Add(string facet, IEnumerable<string> bad, Func<string, Pages.ParameterError> error)
        {
            var list = bad.ToList();
            if (list.Count > 0)
            {
                errors[facet] = [.. list.Select(error)];
            }
        }
        Pages.ParameterError NotKnown(string facet, string value) => new("'{0}' is not a known {1} value.", value, facet);
        Add(PostingQuery.Kind, query.Search.Values(PostingQuery.Kind).Where(v => PostingLabels.KindFromCode(v) is null), v => NotKnown(PostingQuery.Kind, v));
        Add(PostingQuery.Intent, query.Search.Values(PostingQuery.Intent).Where(v => !PartnerSearchIntents.All.Contains(v)), v => NotKnown(PostingQuery.Intent, v));
        foreach (var facet in new[] { PostingQuery.Target, PostingQuery.Country })
        {
            Add(facet, query.Search.Values(facet).Where(code => countries.ByCode(code) is null || code.Any(char.IsLower)),
                v => new Pages.ParameterError("'{0}' is not an ISO 3166-1 alpha-2 country code (such as RS or DE).", v));
        }
        foreach (var (facet, vocabulary) in new[] { (PostingQuery.Sector, Vocabulary.SectoralIndustries), (PostingQuery.Technology, Vocabulary.TechnologyFields) })
        {
            var values = query.Search.Values(facet).ToList();
            if (values.Count > 0)
            {
                var known = await db.Set<VocabularyTerm>().AsNoTracking().Where(t => t.Vocabulary == vocabulary && values.Contains(t.Label)).Select(t => t.Label).ToListAsync(cancellationToken);
                Add(facet, values.Where(v => !known.Contains(v, StringComparer.Ordinal)), v => NotKnown(facet, v));
            }
        }
        return errors;
    }

    private sealed record Candidate(PostingSummary Summary, string[] Words, string[] TitleWords);

    public async Task<PostingSearchResult> SearchAsync(PostingQuery query, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(null, cancellationToken);
        var queryWords = Words(query.Search.Q ?? "");
        var matching = candidates.Where(c => SmallListSearch.HasWords(c.Words, queryWords)).ToList();

        var facets = SmallListSearch.Facets(matching, query.Search, PostingQuery.Facets, (c, facet) => c.Summary.ValuesOf(facet), FacetLabel);

        var found = matching.Where(c => Passes(c, query, null));
        found = query.EffectiveSort switch
        {
            PostingSort.Deadline => found.OrderBy(c => c.Summary.Deadline).ThenByDescending(c => c.Summary.Id),
            PostingSort.Relevance => found
                .OrderByDescending(c => queryWords.Count(w => c.TitleWords.Any(x => x.StartsWith(w, StringComparison.Ordinal))))
                .ThenByDescending(c => c.Summary.CreatedAt).ThenByDescending(c => c.Summary.Id),
            _ => found.OrderByDescending(c => c.Summary.CreatedAt).ThenByDescending(c => c.Summary.Id),
        };
        var all = found.Select(c => c.Summary).ToList();
        var page = all.Skip((query.Search.Page - 1) * query.Search.PageSize).Take(query.Search.PageSize).ToList();
        return new PostingSearchResult(all.Count, page, facets);
    }

    /// <summary>
    /// Which of <paramref name="queries"/> find the posting <paramref name="postingId"/> (open, of a published profile):
    /// the list's own matching, for saved searches, so that a saved search finds what the list would show.
    /// </summary>
    public async Task<IReadOnlyList<bool>> FindsAsync(int postingId, IReadOnlyList<PostingQuery> queries, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(postingId, cancellationToken);
        return [.. queries.Select(query =>
        {
            var queryWords = Words(query.Search.Q ?? "");
            return candidates.Any(c => SmallListSearch.HasWords(c.Words, queryWords) && Passes(c, query, null));
        })];
    }

    /// <summary>The open postings of published profiles (or the one with <paramref name="onlyId"/>), with their words.</summary>
    private async Task<List<Candidate>> CandidatesAsync(int? onlyId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Profile.Status == ProfileStatus.Published)
            .Where(p => onlyId == null || p.Id == onlyId)
            .Select(p => new
            {
                p.Id, p.Title, p.Text, p.Kind, p.CallName, p.CallProgramme, p.Deadline, p.CreatedAt, p.Intents, p.TargetCountries,
                ProfileName = p.Profile.Name, ProfileSlug = p.Profile.Slug, ProfileAcronym = p.Profile.Acronym, ProfileCountry = p.Profile.CountryCode,
                Terms = p.Terms.OrderBy(t => t.SortOrder).Select(t => new { t.Field, t.Term.Vocabulary, t.Term.Label }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var sectors = r.Terms.Where(t => t.Field == PostingTermField.SectoralIndustry).Select(t => t.Label).ToList();
            var technologies = r.Terms.Where(t => t.Field == PostingTermField.TechnologyField).Select(t => t.Label).ToList();
            var plain = PostingText.Plain(r.Text);
            var summary = new PostingSummary(r.Id, r.Title, r.Kind, r.ProfileName, r.ProfileSlug, r.ProfileCountry, r.Deadline, r.CreatedAt,
                r.Intents, r.TargetCountries, sectors, technologies, PostingText.Excerpt(plain, 280));
            var searchable = string.Join(' ', new[] { r.Title, plain, r.CallName, r.CallProgramme, r.ProfileName, r.ProfileAcronym }
                .Concat(r.Terms.SelectMany(t => new[] { t.Label, labels.Term(t.Vocabulary, t.Label) })));
            return new Candidate(summary, Words(searchable), Words(r.Title));
        })];
    }

    /// <summary>The posting has one of the chosen values of every facet (but <paramref name="except"/>, for that facet's counts).</summary>
    private static bool Passes(Candidate candidate, PostingQuery query, string? except) =>
        SmallListSearch.Passes(query.Search, candidate.Summary.ValuesOf, except);

    /// <summary>A facet value in the page's language.</summary>
    public string FacetLabel(string facet, string value) => facet switch
    {
        PostingQuery.Kind => PostingLabels.KindFromCode(value) is { } kind ? PostingLabels.Kind(kind, T) : value,
        PostingQuery.Intent => PartnerSearchIntents.All.Contains(value) ? PostingLabels.Intent(value, T) : value,
        PostingQuery.Sector => labels.Term(Vocabulary.SectoralIndustries, value),
        PostingQuery.Technology => labels.Term(Vocabulary.TechnologyFields, value),
        PostingQuery.Target or PostingQuery.Country => labels.Country(value),
        _ => value,
    };

    /// <summary>Words folded as search compares them: lower case, no accents.</summary>
    public static string[] Words(string text) =>
        [.. NonWord().Split(TextFolding.RemoveDiacritics(text).ToLowerInvariant()).Where(w => w.Length > 0)];

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial System.Text.RegularExpressions.Regex NonWord();
}

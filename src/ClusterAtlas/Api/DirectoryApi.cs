using ClusterAtlas.Caching;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.Api;

/// <summary>GET /api/v1/cluster-organisations: the directory search as JSON, with the page's parameters.</summary>
public static class DirectoryApi
{
    public const string OperationId = "SearchClusterOrganisations";

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/cluster-organisations", ApiFeature.ReadMethods, SearchAsync)
            .WithName(OperationId)
            .WithTags("Cluster organisations")
            .WithSummary("Search published cluster organisations, with disjunctive facet counts.")
            .CacheForReaders(ContentTags.Profiles, ContentTags.Vocabularies);
        return api;
    }

    private static async Task<Results<ApiAnswer<SearchResponse>, ValidationProblem>> SearchAsync(
        HttpRequest request, DirectorySearch search, CountryList countries, ClusterAtlas.Links.PublicAddress address, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(request.Query, Facet.All);
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(parsed.Errors), title: "Invalid search parameters");
        }
        var found = await search.SearchAsync(parsed.Query, cancellationToken);
        if (!found.IsValid)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(found.Errors), title: "Invalid search parameters");
        }
        // Absolute only from the configured address: a relative link beats one to whatever host the request named.
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return ApiAnswer.Of(new SearchResponse(
            found.Result.Total,
            parsed.Query.Page,
            parsed.Query.PageSize,
            [.. found.Result.Hits.Select(hit => new SearchItem(
                hit.Entry.Slug,
                hit.Entry.Name,
                hit.Entry.Acronym,
                hit.Entry.CountryCode,
                countries.ByCode(hit.Entry.CountryCode)?.Name,
                hit.Entry.Region,
                hit.Entry.Label?.ToString().ToLowerInvariant(),
                hit.Entry.TotalMembers,
                hit.Sectors,
                hit.Entry.IsSampleData,
                $"{baseUrl}/cluster-organisations/{hit.Entry.Slug}",
                found.Snippets.GetValueOrDefault(hit.Entry.Id)))],
            found.Result.Facets.ToDictionary(
                f => f.Key,
                f => (IReadOnlyList<FacetValue>)[.. f.Value.Where(v => v.Count > 0 || v.Selected).Select(v => new FacetValue(v.Value, LabelOf(f.Key, v), v.Count))]),
            found.SuggestedQuery,
            found.MatchesSomeWords,
            PageLinks.Of(baseUrl + request.Path, request.Query, parsed.Query.Page, parsed.Query.PageSize, found.Result.Total)));
    }

    /// <summary>The API names facet values in English: the data's English names, and English words for the values that are codes.</summary>
    private static string LabelOf(string facet, FacetCount value) =>
        value.Name ?? FacetValueWords.Of(facet, value.Value, EnglishText.Instance);

    /// <param name="Links">This page, the first and last, and the previous and next when there are.</param>
    /// <param name="MatchesSomeWords">True when no profile has all of the words of q, so the items are those with some of them.</param>
    public sealed record SearchResponse(
        int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, string? SuggestedQuery, bool MatchesSomeWords, PageLinks Links);

    /// <param name="Snippet">HTML: a passage of the profile with the matching words in &lt;mark&gt;.</param>
    public sealed record SearchItem(
        string Slug, string Name, string? Acronym, string? Country, string? CountryName, string? Region, string? Label,
        int? Members, IReadOnlyList<string> Sectors, bool SampleData, string Url, string? Snippet);

    public sealed record FacetValue(string Value, string Label, int Count);

    /// <summary>Links to pages of the same search: the request's own parameters, in their order, with another page.</summary>
    /// <param name="Prev">Null on the first page.</param>
    /// <param name="Next">Null on the last page.</param>
    public sealed record PageLinks(string Self, string First, string Last, string? Prev, string? Next)
    {
        public static PageLinks Of(string path, IQueryCollection query, int page, int pageSize, int total)
        {
            var last = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
            string To(int number)
            {
                var parameters = query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, StringValues>(p.Key, v)));
                var url = QueryHelpers.AddQueryString(path, parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
                return number == 1 ? url : QueryHelpers.AddQueryString(url, "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return new(To(page), To(1), To(last), page > 1 ? To(Math.Min(page - 1, last)) : null, page < last ? To(page + 1) : null);
        }
    }
}

using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Api;

/// <summary>GET /api/v1/cluster-organisations: the directory search as JSON, with the page's parameters.</summary>
public static class DirectoryApi
{
    public static WebApplication MapDirectoryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Directory");
        api.MapGet("/cluster-organisations", SearchAsync)
            .WithName("SearchClusterOrganisations")
            .WithSummary("Search published cluster organisations, with disjunctive facet counts.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        HttpRequest request, DirectorySearch search, CountryList countries, ClusterAtlas.Links.PublicAddress address, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(request.Query, Facet.All);
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(parsed.Errors, title: "Invalid search parameters");
        }
        var found = await search.SearchAsync(parsed.Query, cancellationToken);
        if (!found.IsValid)
        {
            return TypedResults.ValidationProblem(found.Errors, title: "Invalid search parameters");
        }
        // Absolute only from the configured address: a relative link beats one to whatever host the request named.
        var baseUrl = address.TrustedBaseUrl() ?? "";
        return TypedResults.Ok(new SearchResponse(
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
            found.MatchesSomeWords));
    }

    /// <summary>The API names facet values in English: the data's English names, and English words for the values that are codes.</summary>
    private static string LabelOf(string facet, FacetCount value) =>
        value.Name ?? FacetValueWords.Of(facet, value.Value, EnglishText.Instance);

    /// <param name="MatchesSomeWords">True when no profile has all of the words of q, so the items are those with some of them.</param>
    public sealed record SearchResponse(
        int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, string? SuggestedQuery, bool MatchesSomeWords);

    /// <param name="Snippet">HTML: a passage of the profile with the matching words in &lt;mark&gt;.</param>
    public sealed record SearchItem(
        string Slug, string Name, string? Acronym, string? Country, string? CountryName, string? Region, string? Label,
        int? Members, IReadOnlyList<string> Sectors, bool SampleData, string Url, string? Snippet);

    public sealed record FacetValue(string Value, string Label, int Count);
}

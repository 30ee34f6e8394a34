using ClusterAtlas.Caching;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies, ContentTags.Postings, ContentTags.News, ContentTags.Events, ContentTags.Calls)]
public class HomePageModel(ProfileQueries queries, ContentReadCache cache) : PageModel
{
    public IReadOnlyList<ProfileSummary> Latest { get; private set; } = [];

    public ProfileQueries Queries => queries;

    /// <summary>The latest profiles, kept until content changes: the home page costs no query to render.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Latest = await cache.GetOrLoadAsync("home:latest-profiles", ct => queries.LatestPublishedAsync(6, ct), cancellationToken);
}

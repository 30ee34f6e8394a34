using ClusterAtlas.Caching;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

[PublicCache(ContentTags.Profiles, ContentTags.Vocabularies, ContentTags.Postings)]
public class HomePageModel(ProfileQueries queries) : PageModel
{
    public IReadOnlyList<ProfileSummary> Latest { get; private set; } = [];

    public ProfileQueries Queries => queries;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Latest = await queries.LatestPublishedAsync(6, cancellationToken);
}

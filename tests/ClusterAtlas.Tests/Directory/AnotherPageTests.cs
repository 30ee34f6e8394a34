using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The directory page asks for the last page again when a link points past it: that second search reads the directory
/// the first one read (<see cref="DirectorySearch.AnotherPageAsync"/>), rather than waiting for a refresh while the
/// request holds a database connection, and its page agrees with the first search's count.
/// </summary>
public sealed class AnotherPageTests
{
    [Fact]
    public async Task Another_page_of_a_search_reads_the_directory_the_search_read()
    {
        await using var app = new SamplesFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<DirectorySearch>();
        var first = await search.SearchAsync(new SearchQuery { PageSize = 5 }, CancellationToken.None);
        Assert.True(first.Result.Total > 10);

        // A profile withdrawn meanwhile, and the directory told so.
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var withdrawn = await db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published).OrderBy(p => p.Id).FirstAsync();
        withdrawn.Status = ProfileStatus.Archived;
        withdrawn.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(1);
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();

        var second = await search.AnotherPageAsync(first, 2, CancellationToken.None);
        Assert.Equal(2, second.Query.Page);
        Assert.Equal(first.Result.Total, second.Result.Total);
        Assert.Equal(5, second.Result.Hits.Count);
        Assert.Empty(second.Result.Hits.Select(h => h.Entry.Id).Intersect(first.Result.Hits.Select(h => h.Entry.Id)));

        // A new search sees the change.
        var fresh = await search.SearchAsync(first.Query with { Page = 2 }, CancellationToken.None);
        Assert.Equal(first.Result.Total - 1, fresh.Result.Total);
    }

    private sealed class SamplesFactory : ClusterAtlasFactory
    {
        protected override int DemoSampleProfiles => 40;
    }
}

using System.Net;
using System.Text.Json;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Network;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// The network's table pages through every collaboration, a hundred rows a page, its pager keeping the filters; the
/// graph draws the first thousand whatever the page; a page that is not one of the table's is reported.
/// </summary>
public sealed class NetworkPagingTests
{
    [Fact]
    public async Task The_table_pages_through_every_collaboration_keeping_the_filters_and_a_page_past_the_last_is_reported()
    {
        await using var app = new ClusterAtlasFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(120, seed: 11, progress: null, CancellationToken.None);
        }

        var first = await app.GetDocumentAsync("/network");
        var total = int.Parse(new string([.. first.QuerySelector("#collaborations-title")!.TextContent.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > NetworkPageModel.PageSize, $"{total} collaborations among 120 sample profiles: one page");
        var pages = (total + NetworkPageModel.PageSize - 1) / NetworkPageModel.PageSize;
        Assert.Equal($"Page 1 of {pages}", first.QuerySelector(".pager span")!.TextContent.Trim());
        Assert.Equal("/network?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var rows = new List<string>();
        var sides = new List<(string A, string B)>();
        for (var page = 1; page <= pages; page++)
        {
            var document = page == 1 ? first : await app.GetDocumentAsync($"/network?page={page}");
            var onPage = document.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
            Assert.Equal(page < pages ? NetworkPageModel.PageSize : total - (pages - 1) * NetworkPageModel.PageSize, onPage.Count);
            rows.AddRange(onPage);
            sides.AddRange(document.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].QuerySelector("a")!.TextContent.Trim(), r.Children[1].QuerySelector("a")!.TextContent.Trim())));
            // The graph is the same on every page: the first thousand collaborations.
            using var graph = JsonDocument.Parse(document.QuerySelector("#network-data")!.TextContent);
            Assert.Equal(Math.Min(total, NetworkPageModel.MaxEdges), graph.RootElement.GetProperty("edges").GetArrayLength());
        }
        Assert.Equal(total, rows.Count);
        Assert.Equal(total, rows.Distinct().Count());
        // In the directory's name order across the pages: by the first side's name, then the second's.
        for (var i = 1; i < sides.Count; i++)
        {
            var (before, after) = (sides[i - 1], sides[i]);
            var byFirst = StringComparer.OrdinalIgnoreCase.Compare(before.A, after.A);
            Assert.True(byFirst < 0 || (byFirst == 0 && StringComparer.OrdinalIgnoreCase.Compare(before.B, after.B) <= 0), $"row {i + 1} ({after}) comes after row {i} ({before})");
        }

        // A filter is carried by the pager's links.
        var country = first.QuerySelectorAll("#network-country option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v));
        var filtered = await app.GetDocumentAsync($"/network?country={country}");
        if (filtered.QuerySelector(".pager a[rel=next]") is { } next)
        {
            Assert.Equal($"/network?country={country}&page=2", next.GetAttribute("href"));
        }

        using var client = app.CreateClient();
        foreach (var (page, expected) in new[]
        {
            ((pages + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"page: 'page' must be a whole number from 1 to {pages}; got '{pages + 1}'."),
            ("0", $"page: 'page' must be a whole number from 1 to {pages}; got '0'."),
            ("two", $"page: 'page' must be a whole number from 1 to {pages}; got 'two'."),
        })
        {
            using var response = await client.GetAsync(new Uri($"/network?page={page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            await HtmlValidator.AssertValidAsync(html, $"/network?page={page}");
            var document = await ClusterAtlasFactory.ParseAsync(html);
            Assert.Equal([expected], document.QuerySelectorAll(".alert-error li").Select(li => li.TextContent.Trim()));
            Assert.Empty(document.QuerySelectorAll("tbody tr"));
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>The directory page takes the links people follow: tracking tags, old page numbers, a misspelt or too long search.</summary>
public sealed class DirectoryPageTests(DirectorySearchFixture fixture) : IClassFixture<DirectorySearchFixture>
{
    private static List<string?> ResultLinks(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".result-title a").Select(a => a.GetAttribute("href"))];

    [Fact]
    public async Task Tracking_parameters_are_ignored_by_the_page_and_refused_by_the_api()
    {
        var plain = await fixture.App.GetDocumentAsync("/cluster-organisations?q=textiles&sort=name");
        var tagged = await fixture.App.GetDocumentAsync(
            "/cluster-organisations?q=textiles&utm_source=newsletter&utm_medium=email&utm_campaign=spring&fbclid=IwAR0x&gclid=Cj0KCQ&anything=else&sort=name");
        Assert.Null(tagged.QuerySelector("[role=alert]"));
        Assert.NotEmpty(ResultLinks(plain));
        Assert.Equal(ResultLinks(plain), ResultLinks(tagged));
        Assert.Equal(plain.QuerySelector("#result-count")!.TextContent, tagged.QuerySelector("#result-count")!.TextContent);

        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/cluster-organisations?q=textiles&utm_source=newsletter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("utm_source", out _), problem.ToString());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("sr-Latn")]
    public async Task The_directorys_vocabulary_filters_are_in_the_readers_alphabet(string culture)
    {
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var page = await ClusterAtlas.Tests.Infrastructure.ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri("/cluster-organisations", UriKind.Relative)));
        var byName = StringComparer.Create(new System.Globalization.CultureInfo(culture), ignoreCase: true);
        foreach (var facet in new[] { "sector", "technology" })
        {
            // The broader values in the order the page gives them (the first eight, then those under "more").
            var names = page.QuerySelectorAll($"li.facet-value:not([class*=depth]) input[name={facet}]")
                .Select(input => System.Text.RegularExpressions.Regex.Replace(input.ParentElement!.TextContent, @"\s*\([\d.,\s]+\)\s*$", "").Trim())
                .ToList();
            Assert.True(names.Count > 3, $"{facet}: {names.Count} values");
            Assert.Equal(names.Order(byName), names);
        }
    }

    [Fact]
    public async Task A_searchs_errors_are_in_the_readers_language_on_the_page_and_in_English_in_the_api()
    {
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        // (The pages answer 400 with the alert.)
        async Task<string> AlertAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ClusterAtlas.Tests.Infrastructure.ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
            return page.QuerySelector("[role=alert]")?.TextContent ?? "";
        }
        var alert = await AlertAsync("/cluster-organisations?sort=oldest&country=xx&sector=no-such-sector");
        Assert.Contains("„sort“ muss einer dieser Werte sein: relevance, name, newest, members; angegeben war „oldest“.", alert, StringComparison.Ordinal);
        // A search whose parameters cannot be read is not run: its filter values are checked in the next.
        alert = await AlertAsync("/cluster-organisations?country=xx&sector=no-such-sector");
        Assert.Contains("„xx“ ist kein ISO-3166-1-Alpha-2-Ländercode (wie RS oder DE).", alert, StringComparison.Ordinal);
        Assert.Contains("„no-such-sector“ ist kein bekannter Wert für sector.", alert, StringComparison.Ordinal);

        Assert.Contains("„when“ muss einer dieser Werte sein: upcoming, past; angegeben war „soon“.", await AlertAsync("/events?when=soon"), StringComparison.Ordinal);

        using var api = await client.GetAsync(new Uri("/api/v1/cluster-organisations?country=xx&sort=oldest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("'sort' must be one of relevance, name, newest, members; got 'oldest'.", problem.GetProperty("errors").GetProperty("sort")[0].GetString());
    }

    [Fact]
    public async Task A_page_beyond_the_last_goes_to_the_last_page()
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var total = (await fixture.SearchAsync("?q=cluster&pageSize=1")).GetProperty("total").GetInt32();
        var last = (total + 19) / 20;
        Assert.True(last > 1, $"only {total} results");

        using var response = await client.GetAsync(new Uri("/cluster-organisations?q=cluster&page=999&utm_source=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cluster-organisations?q=cluster&page={last}", response.Headers.Location?.OriginalString);

        var page = await fixture.App.GetDocumentAsync($"/cluster-organisations?q=cluster&page=999");
        Assert.Contains($"{last} of {last}", page.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(total - ((last - 1) * 20), ResultLinks(page).Count);
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));

        // The script's request for the results alone gets the last page in place.
        var fragment = await fixture.App.GetDocumentAsync("/cluster-organisations?q=cluster&page=999&fragment=results");
        Assert.Equal(ResultLinks(page), ResultLinks(fragment));

        // With nothing found at all, page 1 says so.
        var nothing = await fixture.App.GetDocumentAsync("/cluster-organisations?q=zzqqxxkk&page=4");
        Assert.Empty(ResultLinks(nothing));
        Assert.NotNull(nothing.QuerySelector(".alert h2"));
    }

    [Fact]
    public async Task Profiles_with_some_of_the_words_are_shown_and_labelled_as_such()
    {
        var page = await fixture.App.GetDocumentAsync("/cluster-organisations?q=sensors+fabrics+durdevo");
        Assert.Contains("No profile matches all of the words; these match some of them.", page.QuerySelector("#some-words")!.TextContent, StringComparison.Ordinal);
        var links = ResultLinks(page);
        Assert.Equal("/cluster-organisations/smart-textiles-cluster", links[0]);
        Assert.Contains("/cluster-organisations/klaster-durdevo-metal", links);

        var every = await fixture.App.GetDocumentAsync("/cluster-organisations?q=sensors+fabrics");
        Assert.Null(every.QuerySelector("#some-words"));
    }
}

using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Every page template is valid HTML (html-validate, standard and accessibility rules).</summary>
public sealed class HtmlValidityTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/cluster-organisations")]
    [InlineData("/cluster-organisations?q=metal&country=RS")]
    [InlineData("/cluster-organisations?q=zzzzqqq")]
    [InlineData("/cluster-organisations?page=-3")]
    [InlineData("/cluster-organisations/vojvodina-metal-cluster")]
    [InlineData("/cluster-organisations/vojvodina-metal-cluster/print")]
    [InlineData("/cluster-organisations/no-such-cluster")]
    [InlineData("/news")]
    [InlineData("/news?q=nothing-here&tag=green-deal")]
    [InlineData("/news/no-such-news")]
    [InlineData("/tags/no-such-tag")]
    public async Task Page_is_valid_html(string url)
    {
        using var client = app.CreateClient();
        // The 404 page is a template too: read the body whatever the status.
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
    }
}

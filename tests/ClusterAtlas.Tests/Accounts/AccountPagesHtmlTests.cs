using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>Every account page is valid HTML, with its labels and autocomplete hints, as a visitor and as a member sees it.</summary>
public sealed class AccountPagesHtmlTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/resend-confirmation")]
    [InlineData("/account/reset-password?userId=x&code=eA")]
    [InlineData("/account/confirm-email?userId=x&code=y")]
    [InlineData("/account/logout")]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/imprint")]
    public async Task Visitor_page_is_valid_html(string url)
    {
        using var browser = app.CreateBrowser();
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
    }

    [Fact]
    public async Task Member_pages_are_valid_html()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        foreach (var url in new[] { "/", "/account", "/account/email", "/account/password", "/account/two-factor", "/account/two-factor/setup", "/account/personal-data", "/account/delete", "/account/access-denied" })
        {
            using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
        }
    }

    [Fact]
    public async Task Form_errors_are_valid_html()
    {
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitFormAsync("/account/register", new() { ["Input.Email"] = "not an address" });
        await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), "register with errors");
    }

    [Theory]
    [InlineData("/account/register", "Input.Email", "email")]
    [InlineData("/account/register", "Input.Password", "new-password")]
    [InlineData("/account/login", "Input.Email", "email")]
    [InlineData("/account/login", "Input.Password", "current-password")]
    public async Task Fields_carry_autocomplete_hints(string url, string field, string autocomplete)
    {
        var page = await app.GetDocumentAsync(url);
        var input = page.QuerySelector($"input[name='{field}']")!;
        Assert.Equal(autocomplete, input.GetAttribute("autocomplete"));
        Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
    }
}

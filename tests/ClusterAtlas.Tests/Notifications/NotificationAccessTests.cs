using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Notifications;

/// <summary>The own-account pages of notifications and saved searches send anonymous visitors to sign in (a form sent, through the "session ended" page), for every handler.</summary>
public sealed class NotificationAccessTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Theory]
    [InlineData("GET", "/account/notifications")]
    [InlineData("POST", "/account/notifications?handler=Read")]
    [InlineData("POST", "/account/notifications?handler=ReadAll")]
    [InlineData("GET", "/account/notifications/settings")]
    [InlineData("POST", "/account/notifications/settings")]
    [InlineData("GET", "/account/saved-searches")]
    [InlineData("POST", "/account/saved-searches?handler=Save")]
    [InlineData("POST", "/account/saved-searches?handler=Delete")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string method, string path)
    {
        using var anonymous = app.CreateBrowser();
        using var token = await anonymous.GetAsync(new Uri("/account/login", UriKind.Relative));
        var form = await ClusterAtlasFactory.ParseAsync(await token.Content.ReadAsStringAsync());
        var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = method == "GET"
            ? await anonymous.GetAsync(new Uri(path, UriKind.Relative))
            : await anonymous.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("id", "1")]));
        if (method == "GET")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            return;
        }
        // A form sent without a session: the "session ended" page, with its link to sign in and come back.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("/account/login?ReturnUrl=", page.QuerySelector("main a[href^='/account/login']")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}

using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Pages;

/// <summary>
/// The lists behind a sign-in read their page number as the public lists do: a page that is no page is a 400 naming the
/// parameter and what was given, in the reader's language, not the first page without a word.
/// </summary>
public sealed class SignedInListPagingTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_page_number_that_is_no_page_is_named_in_a_400_on_every_signed_in_list()
    {
        using var admin = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        var slug = await ProfileScenarios.RegisterProfileAsync(admin, "Paging Test Cluster " + ModerationScenario.UniqueWord());
        var lists = new[] { "/admin/users", "/moderation", "/moderation/edits", "/moderation/audit", "/account/notifications", $"/cluster-organisations/{slug}/revisions" };
        foreach (var list in lists)
        {
            using (var second = await admin.GetAsync(new Uri(list + "?page=2", UriKind.Relative)))
            {
                // Past the last page: the last, as before.
                Assert.True(second.StatusCode == HttpStatusCode.OK, $"{list}?page=2 answered {second.StatusCode}");
            }
            foreach (var (query, expected) in new[]
            {
                ("page=abc", "'page' must be a whole number from 1 up; got 'abc'."),
                ("page=0", "'page' must be a whole number from 1 up; got '0'."),
                ("page=-1", "'page' must be a whole number from 1 up; got '-1'."),
                ("page=1&page=2", "'page' may be given once."),
            })
            {
                using var response = await admin.GetAsync(new Uri($"{list}?{query}", UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list}?{query} answered {response.StatusCode}");
                var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
                var error = page.QuerySelector("main li")?.TextContent.Trim();
                Assert.Equal($"page: {expected}", error);
                Assert.Equal(list.Split('?')[0], page.QuerySelector("main ul + p a")?.GetAttribute("href"));
            }
        }

        // In the reader's language.
        using var german = new HttpRequestMessage(HttpMethod.Get, new Uri("/moderation/audit?page=abc", UriKind.Relative));
        german.Headers.AcceptLanguage.ParseAdd("de");
        using var inGerman = await admin.SendAsync(german);
        var shown = await ClusterAtlasFactory.ParseAsync(await inGerman.Content.ReadAsStringAsync());
        Assert.Equal("page: „page“ muss eine ganze Zahl ab 1 sein; angegeben war „abc“.", shown.QuerySelector("main li")?.TextContent.Trim());
    }
}

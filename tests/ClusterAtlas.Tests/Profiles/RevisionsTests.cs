using System.Net;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>A profile's history: every save, newest first, with its values before and after.</summary>
public sealed class RevisionsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_saved_edit_is_listed_first_with_its_values_before_and_after()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "History Cluster");
        using (var saved = await owner.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new()
        {
            ["Form.Name"] = "History Metal Cluster",
            ["Form.Website"] = "https://cluster.example.org",
            ["Form.CountryCode"] = "RS",
            ["Form.City"] = "Novi Sad",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri($"/cluster-organisations/{slug}/revisions", UriKind.Relative)));

        var revisions = page.QuerySelectorAll("article.revision");
        Assert.Equal(2, revisions.Length);
        var edit = revisions[0];
        Assert.StartsWith("Edited,", edit.QuerySelector("h2")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains($"By Ana Test <{ownerEmail}>. Status at the time: Draft.", edit.QuerySelector(".revision-meta")!.TextContent, StringComparison.Ordinal);
        var changes = edit.QuerySelectorAll(".changes dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["Name of the cluster organisation"], changes);
        Assert.Equal("History Cluster", edit.QuerySelector(".changes del")!.TextContent);
        Assert.Equal("History Metal Cluster", edit.QuerySelector(".changes ins")!.TextContent);
        Assert.Equal(["Before", "After"], edit.QuerySelectorAll(".change-caption").Select(c => c.TextContent.Trim()));

        var created = revisions[1];
        Assert.StartsWith("Created,", created.QuerySelector("h2")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Novi Sad", created.QuerySelector(".changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("page", page.QuerySelector(".profile-actions a[href$='/revisions']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Revisions_come_twenty_to_a_page_newest_first()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Busy Cluster");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
            var start = DateTimeOffset.UtcNow.AddDays(1);
            for (var i = 1; i <= 24; i++)
            {
                db.ProfileRevisions.Add(new ProfileRevision
                {
                    ClusterOrganisationId = profile.Id,
                    AuthorName = $"Editor {i}",
                    CreatedAt = start.AddMinutes(i),
                    Kind = RevisionKind.Edited,
                    ProfileStatus = ProfileStatus.Draft,
                    ChangedFields = "City",
                    BeforeJson = new ProfileForm { [nameof(ClusterOrganisation.Name)] = "Busy Cluster", [nameof(ClusterOrganisation.City)] = $"City {i - 1}" }.ToJson(),
                    AfterJson = new ProfileForm { [nameof(ClusterOrganisation.Name)] = "Busy Cluster", [nameof(ClusterOrganisation.City)] = $"City {i}" }.ToJson(),
                });
            }
            return await db.SaveChangesAsync();
        });
        var url = $"/cluster-organisations/{slug}/revisions";

        var first = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        var authors = first.QuerySelectorAll(".revision-meta").Select(m => m.TextContent).ToList();
        Assert.Equal(20, authors.Count);
        Assert.StartsWith("By Editor 24.", authors[0], StringComparison.Ordinal);
        Assert.StartsWith("By Editor 5.", authors[19], StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal(url + "?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url + "?page=2", UriKind.Relative)));
        Assert.Equal(5, second.QuerySelectorAll("article.revision").Length);
        Assert.StartsWith("Created,", second.QuerySelectorAll("article.revision h2")[^1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(url + "?page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));

        // A page past the end shows the last one.
        var beyond = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url + "?page=99", UriKind.Relative)));
        Assert.Equal(5, beyond.QuerySelectorAll("article.revision").Length);
        await HtmlValidator.AssertValidAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)), url);
    }

    [Fact]
    public async Task Strangers_other_administrators_and_anonymous_visitors_are_refused()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Guarded History Cluster");
        using var otherAdministrator = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await RegisterProfileAsync(otherAdministrator, "Other History Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var before = await app.SnapshotAsync();
        var url = $"/cluster-organisations/{slug}/revisions";

        foreach (var (who, browser) in new[] { ("stranger", stranger), ("another profile's administrator", otherAdministrator), ("anonymous", anonymous) })
        {
            foreach (var path in new[] { url, url + "?page=2" })
            {
                using var get = await browser.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(IsRefusal(get), $"GET {path} as {who}: {(int)get.StatusCode}");
                using var post = await PostWithTokenAsync(browser, path, []);
                Assert.True(IsRefusal(post), $"POST {path} as {who}: {(int)post.StatusCode}");
            }
        }
        using (var anonymousGet = await anonymous.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.StartsWith("/account/login", anonymousGet.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.SnapshotAsync());
        using var unknown = await owner.GetAsync(new Uri("/cluster-organisations/no-such-profile/revisions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // The administrator's own post is not a way in either: there is nothing to post here.
        using var ownPost = await PostWithTokenAsync(owner, url, []);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, ownPost.StatusCode);
    }
}

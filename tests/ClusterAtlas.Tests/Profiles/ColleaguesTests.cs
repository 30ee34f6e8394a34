using ClusterAtlas.Accounts;
using System.Net;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>A profile's administrators: adding a colleague, removing one, handing over, and who may do it.</summary>
public sealed class ColleaguesTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task An_added_colleague_hears_of_it_by_mail_and_can_edit_the_profile()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Colleague Wood Cluster");
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        using var colleague = await app.RegisterAndSignInAsync(colleagueEmail);
        var token = await app.ConcurrencyTokenAsync(slug);

        using var added = await owner.SubmitFormAsync($"/cluster-organisations/{slug}/colleagues", new() { ["ColleagueEmail"] = colleagueEmail.ToUpperInvariant() }, "form.add-colleague");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/cluster-organisations/{slug}/colleagues?done=added", added.Headers.Location!.PathAndQuery());
        Assert.Equal(new[] { colleagueEmail, ownerEmail }.Order(StringComparer.Ordinal), await app.AdministratorsAsync(slug));
        Assert.Equal(token, await app.ConcurrencyTokenAsync(slug));
        var page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(added.Headers.Location));
        Assert.Contains("is now an administrator", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var listed = page.QuerySelectorAll("table.colleagues tbody tr").Select(tr => tr.Children[1].TextContent.Trim()).ToList();
        Assert.Equal([ownerEmail, colleagueEmail], listed);

        var mail = await app.LatestMailAsync(colleagueEmail, "You can now edit Colleague Wood Cluster on ClusterAtlas");
        Assert.Contains("added you as an administrator of the profile of Colleague Wood Cluster", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/cluster-organisations/{slug}/edit\"", mail.HtmlBody, StringComparison.Ordinal);
        var link = ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{slug}/edit");
        using (var edit = await colleague.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }
        using var saved = await colleague.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new()
        {
            ["Form.Name"] = "Colleague Wood Cluster",
            ["Form.Website"] = "https://cluster.example.org",
            ["Form.CountryCode"] = "RS",
            ["Form.City"] = "Subotica",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Subotica", await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.City).SingleAsync()));

        // The colleague's account page lists the profile.
        var account = await ClusterAtlasFactory.ParseAsync(await colleague.GetStringAsync(new Uri("/account", UriKind.Relative)));
        Assert.Contains(account.QuerySelectorAll(".administered-profiles a"), a => a.GetAttribute("href") == $"/cluster-organisations/{slug}");
        Assert.Contains(account.QuerySelectorAll(".administered-profiles a"), a => a.GetAttribute("href") == $"/cluster-organisations/{slug}/edit");
    }

    [Fact]
    public async Task Unknown_unconfirmed_and_existing_administrators_are_refused_next_to_the_field()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Refusing Cluster");
        var unconfirmed = ClusterAtlasFactory.NewEmail();
        using (var registering = app.CreateBrowser())
        using (var registered = await ClusterAtlasFactory.RegisterAsync(registering, unconfirmed))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        var url = $"/cluster-organisations/{slug}/colleagues";
        var before = await app.SnapshotAsync();

        var cases = new Dictionary<string, string>
        {
            [ClusterAtlasFactory.NewEmail()] = "No confirmed account has this address. Ask your colleague to register first, then add them.",
            [unconfirmed] = "No confirmed account has this address. Ask your colleague to register first, then add them.",
            [ownerEmail] = "This colleague is already an administrator of this profile.",
            [" "] = "Enter your colleague's e-mail address.",
        };
        foreach (var (email, message) in cases)
        {
            using var refused = await owner.SubmitFormAsync(url, new() { ["ColleagueEmail"] = email }, "form.add-colleague");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(message, (await ClusterAtlasFactory.FieldErrorsAsync(refused))["ColleagueEmail"]);
        }

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.DoesNotContain(app.MailTo(unconfirmed), m => (m.Subject ?? "").StartsWith("You can now edit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_removed_but_others_can_and_may_leave()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Removal Cluster");
        var url = $"/cluster-organisations/{slug}/colleagues";
        var ownerId = await app.UserIdAsync(ownerEmail);

        // Alone: no button, and a forged post is refused with a reason.
        var page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Null(RemoveFormOf(page, ownerId));
        Assert.Contains("The last administrator cannot be removed.", page.QuerySelector("table.colleagues")!.TextContent, StringComparison.Ordinal);
        var token = page.QuerySelector("form.add-colleague input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["userId"] = ownerId }))
        using (var refused = await owner.PostAsync(new Uri(url + "?handler=Remove", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The last administrator cannot be removed: add a colleague first, or hand the profile over.", await ClusterAtlasFactory.MainTextAsync(refused), StringComparison.Ordinal);
        }
        Assert.Equal([ownerEmail], await app.AdministratorsAsync(slug));

        // With a colleague: the owner removes them.
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleagueEmail);
        await AddAsync(owner, slug, colleagueEmail);
        var colleagueId = await app.UserIdAsync(colleagueEmail);
        var tokenBefore = await app.ConcurrencyTokenAsync(slug);
        page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        using (var removed = await owner.PostFormAsync(RemoveFormOf(page, colleagueId)!, new Uri(url, UriKind.Relative), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.Equal(url + "?done=removed", removed.Headers.Location!.PathAndQuery());
        }
        Assert.Equal([ownerEmail], await app.AdministratorsAsync(slug));
        Assert.Equal(tokenBefore, await app.ConcurrencyTokenAsync(slug));

        // With a colleague again: the owner leaves, and may no longer open the page.
        await AddAsync(owner, slug, colleagueEmail);
        page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal("Remove yourself", RemoveFormOf(page, ownerId)!.QuerySelector("button")!.TextContent.Trim());
        using (var left = await owner.PostFormAsync(RemoveFormOf(page, ownerId)!, new Uri(url, UriKind.Relative), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
            Assert.Equal("/account", left.Headers.Location!.PathAndQuery());
        }
        Assert.Equal([colleagueEmail], await app.AdministratorsAsync(slug));
        using var after = await owner.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(IsRefusal(after), $"GET after leaving: {(int)after.StatusCode}");
    }

    [Fact]
    public async Task Handing_over_leaves_only_the_new_administrator()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Handed Over Cluster");
        var successorEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(successorEmail);
        var url = $"/cluster-organisations/{slug}/colleagues";
        var before = await app.SnapshotAsync();

        using (var unconfirmed = await owner.SubmitFormAsync(url, new() { ["SuccessorEmail"] = successorEmail }, "form.hand-over"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Equal("Tick the box to confirm that you give up editing this profile.", (await ClusterAtlasFactory.FieldErrorsAsync(unconfirmed))["ConfirmHandOver"]);
        }
        using (var unknown = await owner.SubmitFormAsync(url, new() { ["SuccessorEmail"] = ClusterAtlasFactory.NewEmail(), ["ConfirmHandOver"] = "true" }, "form.hand-over"))
        {
            Assert.Equal("No confirmed account has this address. Ask your colleague to register first, then add them.", (await ClusterAtlasFactory.FieldErrorsAsync(unknown))["SuccessorEmail"]);
        }
        Assert.Equal(before, await app.SnapshotAsync());

        var token = await app.ConcurrencyTokenAsync(slug);
        using var handedOver = await owner.SubmitFormAsync(url, new() { ["SuccessorEmail"] = successorEmail, ["ConfirmHandOver"] = "true" }, "form.hand-over");

        Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        Assert.Equal("/account", handedOver.Headers.Location!.PathAndQuery());
        Assert.Equal([successorEmail], await app.AdministratorsAsync(slug));
        Assert.Equal(token, await app.ConcurrencyTokenAsync(slug));
        var mail = await app.LatestMailAsync(successorEmail, "You can now edit Handed Over Cluster on ClusterAtlas");
        Assert.Contains("handed the profile of Handed Over Cluster over to you", mail.TextBody, StringComparison.Ordinal);
        ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{slug}/edit");
        using var refused = await owner.GetAsync(new Uri($"/cluster-organisations/{slug}/edit", UriKind.Relative));
        Assert.True(IsRefusal(refused), $"the former administrator's GET of the edit page: {(int)refused.StatusCode}");
    }

    [Fact]
    public async Task A_moderator_manages_the_colleagues_of_any_profile()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Moderated Colleagues Cluster");
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleagueEmail);
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var url = $"/cluster-organisations/{slug}/colleagues";

        var page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Null(page.QuerySelector("form.hand-over"));
        await AddAsync(moderator, slug, colleagueEmail);
        page = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        using (var removed = await moderator.PostFormAsync(RemoveFormOf(page, await app.UserIdAsync(ownerEmail))!, new Uri(url, UriKind.Relative), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        Assert.Equal([colleagueEmail], await app.AdministratorsAsync(slug));
    }

    [Fact]
    public async Task Strangers_other_administrators_and_anonymous_visitors_are_refused_and_change_nothing()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Guarded Colleagues Cluster");
        var ownerId = await app.UserIdAsync(ownerEmail);
        var otherEmail = ClusterAtlasFactory.NewEmail();
        using var otherAdministrator = await app.RegisterAndSignInAsync(otherEmail);
        await RegisterProfileAsync(otherAdministrator, "Other Colleagues Cluster");
        var strangerEmail = ClusterAtlasFactory.NewEmail();
        using var stranger = await app.RegisterAndSignInAsync(strangerEmail);
        using var anonymous = app.CreateBrowser();
        var before = await app.SnapshotAsync();
        var url = $"/cluster-organisations/{slug}/colleagues";

        foreach (var (who, browser, email) in new[] { ("stranger", stranger, strangerEmail), ("another profile's administrator", otherAdministrator, otherEmail), ("anonymous", anonymous, ClusterAtlasFactory.NewEmail()) })
        {
            using var get = await browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(IsRefusal(get), $"GET {url} as {who}: {(int)get.StatusCode}");
            var posts = new (string Path, Dictionary<string, string> Fields)[]
            {
                (url + "?handler=Add", new() { ["ColleagueEmail"] = email }),
                (url + "?handler=Remove", new() { ["userId"] = ownerId }),
                (url + "?handler=HandOver", new() { ["SuccessorEmail"] = email, ["ConfirmHandOver"] = "true" }),
                (url, new() { ["ColleagueEmail"] = email }),
            };
            foreach (var (path, fields) in posts)
            {
                using var post = await PostWithTokenAsync(browser, path, fields);
                Assert.True(IsRefusal(post), $"POST {path} as {who}: {(int)post.StatusCode}");
            }
        }
        using (var anonymousGet = await anonymous.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.StartsWith("/account/login", anonymousGet.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.SnapshotAsync());
        using var unknown = await owner.GetAsync(new Uri("/cluster-organisations/no-such-profile/colleagues", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_colleagues_page_is_valid_html_with_and_without_errors()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Valid Colleagues Cluster");
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleagueEmail);
        await AddAsync(owner, slug, colleagueEmail);
        var url = $"/cluster-organisations/{slug}/colleagues";

        await HtmlValidator.AssertValidAsync(await owner.GetStringAsync(new Uri(url + "?done=added", UriKind.Relative)), url);
        using var refused = await owner.SubmitFormAsync(url, new() { ["SuccessorEmail"] = "" }, "form.hand-over");
        await HtmlValidator.AssertValidAsync(await refused.Content.ReadAsStringAsync(), url + " with errors");
        await HtmlValidator.AssertValidAsync(await owner.GetStringAsync(new Uri("/account", UriKind.Relative)), "/account with a profile");
    }

    private static async Task AddAsync(HttpClient browser, string slug, string email)
    {
        using var added = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/colleagues", new() { ["ColleagueEmail"] = email }, "form.add-colleague");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, $"adding {email} answered {(int)added.StatusCode}: " + await ClusterAtlasFactory.MainTextAsync(added));
    }
}

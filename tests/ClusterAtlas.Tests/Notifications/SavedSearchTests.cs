using System.Net;
using System.Text;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Notifications;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.ImportExport;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Notifications;

/// <summary>Saved searches: saved from either list, listed and deleted on the account page, and new partner searches matched by the list's own query code.</summary>
public sealed class SavedSearchTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_directory_search_of_words_and_a_country_is_saved_and_listed_under_both()
    {
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var page = await ClusterAtlasFactory.ParseAsync(await member.GetStringAsync(new Uri("/cluster-organisations?q=metal&country=RS", UriKind.Relative)));
        Assert.Equal("metal · Serbia", page.QuerySelector("#save-search-name")?.GetAttribute("value"));
        using var saved = await member.SubmitFormAsync("/cluster-organisations?q=metal&country=RS", new(), ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var account = await ClusterAtlasFactory.ParseAsync(await member.GetStringAsync(new Uri("/account/saved-searches", UriKind.Relative)));
        Assert.Contains(account.QuerySelectorAll(".saved-searches a"), a => a.TextContent == "metal · Serbia");
    }

    [Fact]
    public async Task A_saved_posting_search_notifies_its_owner_of_a_new_posting_it_finds_and_of_no_other()
    {
        var watcherEmail = ClusterAtlasFactory.NewEmail();
        using var watcher = await app.RegisterAndSignInAsync(watcherEmail);
        using var saved = await watcher.SubmitFormAsync("/partner-search?q=hydraul&kind=request&page=1", new() { ["name"] = "Hydraulics requests" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var search = await app.WithDbAsync(db => db.Set<SavedSearch>().SingleAsync(s => s.Name == "Hydraulics requests"));
        Assert.Equal((SavedSearchScope.PartnerSearch, "?q=hydraul&kind=request"), (search.Scope, search.Query));

        var author = await app.MemberWithPublishedProfileAsync("Press Makers Cluster");
        var matching = await author.PostPostingAsync("Hydraulic presses: partners wanted", "CooperationRequest");
        await author.PostPostingAsync("Hydraulic presses on offer", "CooperationOffer");
        await author.PostPostingAsync("Textile dyeing partners", "CooperationRequest");

        var mail = await app.LatestMailAsync(watcherEmail, "A new partner search matches your saved search “Hydraulics requests”: “Hydraulic presses: partners wanted”");
        Assert.Equal($"/partner-search/{matching}", ClusterAtlasFactory.LinkIn(mail, $"/partner-search/{matching}").OriginalString);
        await app.NotificationsHandledAsync();
        var notifications = await app.NotificationsOfAsync(watcherEmail);
        Assert.True(notifications.Count == 1, string.Join("; ", notifications.Select(x => $"{x.Kind} {x.Subject} {x.Link}")));
        var notification = notifications[0];
        Assert.Equal((NotificationKind.MatchingPosting, $"/partner-search/{matching}"), (notification.Kind, notification.Link));
        // The author's own saved search does not tell them of their own posting.
        Assert.Empty(await app.NotificationsOfAsync(author.Email));
    }

    [Fact]
    public async Task A_saved_directory_search_notifies_its_owner_of_a_newly_published_profile_it_finds_and_of_no_other()
    {
        var word = ModerationScenario.UniqueWord();
        var watcherEmail = ClusterAtlasFactory.NewEmail();
        using var watcher = await app.RegisterAndSignInAsync(watcherEmail);
        using var saved = await watcher.SubmitFormAsync($"/cluster-organisations?q={word}&country=RS", new() { ["name"] = "New foundries" }, ".save-search form");
        Assert.Equal("/account/saved-searches?done=saved-directory", saved.Headers.Location!.OriginalString);
        var matching = await app.SubmittedProfileAsync($"{word} Foundry Cluster");
        var elsewhere = await app.SubmittedProfileAsync("Unrelated Weaving Cluster");
        using var moderator = await app.SignInAsStaffAsync(ClusterAtlas.Accounts.AccountRoles.Moderator);

        await ModerationScenario.ApproveAsync(moderator, elsewhere);
        await ModerationScenario.ApproveAsync(moderator, matching);

        var mail = await app.LatestMailAsync(watcherEmail, $"A newly published cluster organisation matches your saved search “New foundries”: {word} Foundry Cluster");
        Assert.Equal($"/cluster-organisations/{matching.Slug}", ClusterAtlasFactory.LinkIn(mail, $"/cluster-organisations/{matching.Slug}").OriginalString);
        await app.NotificationsHandledAsync();
        var notification = Assert.Single(await app.NotificationsOfAsync(watcherEmail));
        Assert.Equal((NotificationKind.MatchingProfile, $"/cluster-organisations/{matching.Slug}"), (notification.Kind, notification.Link));
        // Its own administrator is not told of it.
        Assert.DoesNotContain(await app.NotificationsOfAsync(matching.AdministratorEmail), n => n.Kind == NotificationKind.MatchingProfile);
    }

    [Fact]
    public async Task Profiles_an_import_publishes_notify_saved_directory_searches_as_a_moderators_publication_does_and_demo_content_never()
    {
        var word = ModerationScenario.UniqueWord();
        var watcherEmail = ClusterAtlasFactory.NewEmail();
        using var watcher = await app.RegisterAndSignInAsync(watcherEmail);
        using var saved = await watcher.SubmitFormAsync($"/cluster-organisations?q={word}", new() { ["name"] = "Imported word" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var everythingEmail = ClusterAtlasFactory.NewEmail();
        using var everything = await app.RegisterAndSignInAsync(everythingEmail);
        using var savedAll = await everything.SubmitFormAsync("/cluster-organisations?q=Pannonian", new() { ["name"] = "Pannonian" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, savedAll.StatusCode);

        // The JSON/CSV import: a dry run tells nobody; a written run tells of the published profile its search finds, once.
        var records = ExportTests.JsonRecords($$"""[{"name": "{{word}} Import Cluster", "slug": "{{word.ToLowerInvariant()}}-import-cluster"}, {"name": "Unrelated Import Cluster"}]""");
        await ExportTests.ImportAsync(app, records, ExportTests.Options(dryRun: true));
        Assert.Empty(await app.NotificationsOfAsync(watcherEmail));
        var run = await ExportTests.ImportAsync(app, records, ExportTests.Options());
        Assert.True(run.Written);
        var slug = run.Results[0].Slug;
        await app.NotificationsHandledAsync();
        var notification = Assert.Single(await app.NotificationsOfAsync(watcherEmail));
        Assert.Equal((NotificationKind.MatchingProfile, $"/cluster-organisations/{slug}", "Imported word"), (notification.Kind, notification.Link, notification.Actor));
        await app.LatestMailAsync(watcherEmail, $"A newly published cluster organisation matches your saved search “Imported word”: {word} Import Cluster");

        // The ECCP import (the command; the administrators' page collects its pages the same way).
        var folder = Directory.CreateTempSubdirectory("clusteratlas-import-").FullName;
        try
        {
            var page = Path.Combine(folder, "food-valley.html");
            await File.WriteAllTextAsync(page, EccpFixtures.CurrentLayoutHtml);
            using var output = new StringWriter();
            using var errors = new StringWriter();
            Assert.Equal(0, await new EccpImportRun(app.Services, output, errors).RunAsync([new FileInfo(page)], new(ProfileStatus.Published, false, false, false), CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var told = Assert.Single(await app.NotificationsOfAsync(everythingEmail));
        Assert.Equal($"/cluster-organisations/{EccpFixtures.CurrentLayoutSlug}", told.Link);

        // Demo content (the first start's seed page and sample profiles) is not news to anyone, even to a search finding it.
        var sampleWatcherEmail = ClusterAtlasFactory.NewEmail();
        using var sampleWatcher = await app.RegisterAndSignInAsync(sampleWatcherEmail);
        using var savedAny = await sampleWatcher.SubmitFormAsync("/cluster-organisations", new() { ["name"] = "Any cluster" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, savedAny.StatusCode);
        var created = await app.WithServiceAsync<DemoDataGenerator, int>(demo => demo.GenerateAsync(3, 4242, null, CancellationToken.None));
        Assert.Equal(3, created);
        await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer => importer.ImportAsync(
            EccpFixtures.CurrentLayoutHtml.Replace("Pannonian Food Valley", "Demo Valley", StringComparison.Ordinal), "demo.html", ProfileStatus.Published, CancellationToken.None));
        await app.NotificationsHandledAsync();
        Assert.Empty(await app.NotificationsOfAsync(sampleWatcherEmail));
    }

    [Fact]
    public async Task Searches_are_saved_from_both_lists_listed_on_the_account_page_and_deleted_only_by_their_owner()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        using var directory = await owner.SubmitFormAsync("/cluster-organisations?q=textile&country=RS", new() { ["name"] = "Serbian textile clusters" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, directory.StatusCode);
        using var postings = await owner.SubmitFormAsync("/partner-search", new() { ["name"] = "Every partner search" }, ".save-search form");
        Assert.Equal(HttpStatusCode.Redirect, postings.StatusCode);

        var account = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri("/account", UriKind.Relative)));
        var links = account.QuerySelectorAll(".saved-searches a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Every partner search", "/partner-search"), ("Serbian textile clusters", "/cluster-organisations?q=textile&country=RS")], links);
        using var opened = await owner.GetAsync(new Uri("/cluster-organisations?q=textile&country=RS", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        var id = await app.WithDbAsync(db => db.Set<SavedSearch>().Where(s => s.Name == "Serbian textile clusters").Select(s => s.Id).SingleAsync());
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var notTheirs = await PartnerSearchScenarios.PostAsync(stranger, "/account/saved-searches?handler=Delete", [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], tokenPage: "/account/saved-searches");
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<SavedSearch>().CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == ownerEmail))));

        using var deleted = await owner.SubmitFormAsync("/account", [], $".saved-searches form:has(input[value='{id}'])");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["Every partner search"], await app.WithDbAsync(db => db.Set<SavedSearch>().Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == ownerEmail)).Select(s => s.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_search_without_a_name_or_with_invalid_filters_is_refused_saying_why_and_anonymous_visitors_are_asked_to_sign_in()
    {
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var unnamed = await member.SubmitFormAsync("/partner-search", new() { ["name"] = "  " }, ".save-search form");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("Give the search a name.", await ClusterAtlasFactory.MainTextAsync(unnamed), StringComparison.Ordinal);
        using var invalid = await member.SubmitFormAsync("/partner-search", new() { ["name"] = "Broken", ["query"] = "?sort=sideways" }, ".save-search form");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("its filters are not valid", await ClusterAtlasFactory.MainTextAsync(invalid), StringComparison.Ordinal);

        using var anonymous = app.CreateBrowser();
        var page = await ClusterAtlasFactory.ParseAsync(await anonymous.GetStringAsync(new Uri("/partner-search?q=robots", UriKind.Relative)));
        Assert.Null(page.QuerySelector(".save-search form"));
        Assert.Equal("/account/login?returnUrl=%2Fpartner-search%3Fq%3Drobots", page.QuerySelector(".save-search a")!.GetAttribute("href"));
    }
}

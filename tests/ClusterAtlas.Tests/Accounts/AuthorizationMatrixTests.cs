using System.Net;
using System.Runtime.CompilerServices;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>
/// Every endpoint of the running application (read from its endpoint data source, so a new page or API route cannot
/// be forgotten) is tried with every handler it has, as four people who must not get through: anonymous, a signed-in
/// stranger, the administrator of another profile, and a moderator who has not set up two-factor authentication.
/// Endpoints are open to all (a short, reviewed list) or protected; a protected endpoint must refuse each of them and
/// leave the database as it was. An endpoint on neither list fails the test until someone decides which it is.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>Open to everyone, or to any signed-in member for their own account: what may answer these people.</summary>
    private static readonly HashSet<string> OpenEndpoints = new(StringComparer.Ordinal)
    {
        "/", "/cluster-organisations", "/cluster-organisations/{slug}", "/cluster-organisations/{slug}/print",
        "/{**path:file}", // static files outside the build manifest, the same for everyone
        "/errors/{code:int}", "/privacy", "/terms", "/imprint", "/language", "/api/v1/cluster-organisations", "/health/live", "/health/ready",
        "/account/access-denied", "/account/confirm-email", "/account/confirm-email-change", "/account/deleted",
        "/account/forgot-password", "/account/login", "/account/login/recovery-code", "/account/login/two-factor",
        "/account/register", "/account/resend-confirmation", "/account/reset-password", "/account/set-password",
        // The signed-in person's own account; each page acts on the signed-in account only.
        "/account", "/account/delete", "/account/email", "/account/logout", "/account/password", "/account/personal-data",
        "/account/two-factor", "/account/two-factor/setup",
        // Notifications and saved searches: each handler reads or changes the signed-in person's own rows only (another
        // person's id changes nothing: NotificationTests, SavedSearchTests); anonymous visitors are sent to sign in.
        "/account/notifications", "/account/notifications/settings", "/account/saved-searches",
        // Without signing in, by design: it acts only for a valid unsubscribe token naming the person (UnsubscribeTests).
        "/account/notifications/unsubscribe",
        // Any confirmed member may register a cluster organisation (it becomes theirs).
        "/cluster-organisations/register",
        // Partner search: the list, its feed and a posting are public; following, interest and comments (the posting's
        // handlers) are any signed-in member's own. Editing, closing and comments' edit and removal are below.
        "/partner-search", "/partner-search/feed.atom", "/partner-search/{postingId:int}",
        // Open data: the read API answers everyone alike (no account, no cookie), its document and reference page
        // (with the page's own script and icon), the sitemap, robots.txt and the feed of profiles.
        "/api/v1/cluster-organisations/{slug}", "/api/v1/vocabularies", "/api/v1/vocabularies/{name}", "/api/v1/countries",
        "/openapi/{documentName}.json", "/api/docs/{documentName?}", "/api/docs/scalar.js", "/api/docs/scalar.aspnetcore.js", "/api/docs/favicon.svg",
        "/sitemap.xml", "/robots.txt", "/cluster-organisations/feed.atom",
        // The network of published profiles; a profile's confirmations and dismissals are under its own protected prefix.
        "/network",
        // The map and statistics of published profiles, as the directory. (A profile's point is corrected on its edit
        // form, one of its own pages below.)
        "/cluster-organisations/map", "/api/v1/cluster-organisations.geojson", "/statistics", "/statistics/{table}.csv",
        // The map page's data: the points of the same search and a published profile's popup.
        "/cluster-organisations/map/points.json", "/cluster-organisations/map/points/{id:int}",
        // Exports of the directory's search: published profiles as the read API shows them to everyone (no members-only contacts).
        "/api/v1/cluster-organisations/export.csv", "/api/v1/cluster-organisations/export.xlsx", "/api/v1/cluster-organisations/export.json",
        // Contact requests: any signed-in member writes to a published profile (limited per sender, refused to blocked
        // senders: ContactRequestTests, ContactRateLimitTests), and sees their own inbox. A conversation is below.
        "/cluster-organisations/{slug}/contact", "/account/inbox",
        // The signed-in person's own access tokens of the API (another person's token id revokes nothing: WriteApiTests).
        "/account/tokens",
        // The clusters the signed-in member's own profiles could work with (read only, their profiles only); the "not
        // relevant" button posts to the profile's protected network page (AccountRecommendationsTests).
        "/account/recommendations",
        // The newsletter: subscribing (the same answer for any address; a member's one step acts on their own confirmed
        // address), and the links of its mail, which act only for a valid token naming the subscription, and the web
        // view of a week's digest (NewsletterTests). The platform team's pages are under /admin.
        "/newsletter", "/newsletter/confirm", "/newsletter/manage", "/newsletter/unsubscribe", "/newsletter/digest/{week}",
        // Events: the lists, a published event's page (an unpublished one answers 404 to those who may not edit it:
        // EventTests), its iCalendar file, the calendar of all events and the feed. Submitting is under the profile's
        // prefix, editing and attendance under the event's, reviewing under /moderation.
        "/events", "/events/{eventSlug}", "/events/{eventSlug}.ics", "/events/calendar.ics", "/events/feed.atom",
        // Calls: the list, its feed and a call's page are public; "calls for you" reads the signed-in member's own
        // profiles only (CallsForYouTests). Adding, editing, deleting and importing calls are the platform team's, under /admin.
        "/calls", "/calls/feed.atom", "/calls/{slug}", "/account/calls",
        // News: the list, its feed, a published item and the tag pages are public; an unpublished item answers 404 to
        // all but its profile's editors and the platform team (NewsWorkflowTests). Writing, editing and the review are below.
        "/news", "/news/feed.atom", "/news/{newsSlug}", "/tags/{tag}",
    };

    /// <summary>
    /// Writes of the API at an open address: refused to every browser (the cookie never authenticates the API) and to
    /// tokens without the write scope or of another profile (WriteApiTests).
    /// </summary>
    private static readonly HashSet<string> ProtectedApiWrites = new(StringComparer.Ordinal)
    {
        "PUT /api/v1/cluster-organisations/{slug}", "PATCH /api/v1/cluster-organisations/{slug}",
    };

    /// <summary>
    /// Open endpoints that act for the signed-in member only (their own notifications, saved searches, inbox, requests they
    /// write; following, interest and comments on a posting): every handler of these, and every POST handler of a
    /// posting, must send anonymous visitors to sign in and change nothing. Strangers and other profiles' administrators
    /// act there for themselves (another person's id changes nothing: NotificationTests, SavedSearchTests, PostingActivityTests).
    /// </summary>
    private static readonly HashSet<string> MemberEndpoints = new(StringComparer.Ordinal)
    {
        "/account/notifications", "/account/notifications/settings", "/account/saved-searches", "/account/inbox",
        "/cluster-organisations/{slug}/contact",
    };

    /// <summary>A profile's own pages and the staff's pages: only its administrators, or staff with two-factor, get through.</summary>
    private static readonly string[] ProtectedPrefixes = ["/cluster-organisations/{slug}/", "/moderation", "/admin", "/partner-search/{postingId:int}/", "/account/inbox/", "/events/{eventSlug}/", "/news/{newsSlug}/"];

    public sealed class Fixture : IAsyncLifetime
    {
        public ClusterAtlasFactory App { get; } = new();

        public string TargetSlug { get; private set; } = "";

        public int TargetId { get; private set; }

        /// <summary>A term of the sectoral industries, for the vocabulary pages.</summary>
        public int TermId { get; private set; }

        /// <summary>A partner search of the target profile, by its administrator, and a comment of theirs on it.</summary>
        public int PostingId { get; private set; }

        public int CommentId { get; private set; }

        /// <summary>A published event organised by the target profile, for the event's and the review's pages.</summary>
        public string EventSlug { get; private set; } = "";

        public int EventId { get; private set; }

        /// <summary>A contact request to the target profile from someone who is none of the people below: only its administrator opens it.</summary>
        public int RequestId { get; private set; }

        /// <summary>A draft of an editorial newsletter, for its page.</summary>
        public int IssueId { get; private set; }

        /// <summary>A revision of the target profile, for the revert page.</summary>
        public long RevisionId { get; private set; }

        /// <summary>A call, for the platform team's edit page.</summary>
        public int CallId { get; private set; }

        /// <summary>The account of the target profile's administrator, for the administrators' account page.</summary>
        public string AccountId { get; private set; } = "";

        /// <summary>News submitted on behalf of the target profile, waiting for review.</summary>
        public string NewsSlug { get; } = "matrix-target-news";

        public Dictionary<string, HttpClient> People { get; } = new(StringComparer.Ordinal);

        /// <summary>Those who may: the profile's administrator and an administrator of the platform with two-factor.</summary>
        public List<HttpClient> Allowed { get; } = [];

        public async Task InitializeAsync()
        {
            var owner = await App.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
            Allowed.Add(owner);
            Allowed.Add(await App.SignInAsStaffAsync(AccountRoles.Administrator));
            TargetSlug = await ProfileScenarios.RegisterProfileAsync(owner, "Matrix Target Cluster");
            TargetId = await App.WithDbAsync(db => Task.FromResult(db.ClusterOrganisations.Single(p => p.Slug == TargetSlug).Id));
            (PostingId, CommentId) = await PartnerSearch.PartnerSearchScenarios.PostingWithCommentAsync(App, TargetId);
            var matrixEvent = await Events.EventScenarios.StoredEventAsync(App, "Matrix event", TargetId, DateTime.UtcNow.Date.AddDays(30).AddHours(9), DateTime.UtcNow.Date.AddDays(30).AddHours(17));
            (EventSlug, EventId) = (matrixEvent.Slug, matrixEvent.Id);
            RevisionId = await App.WithDbAsync(db => Task.FromResult(db.ProfileRevisions.Where(r => r.ClusterOrganisationId == TargetId).Min(r => r.Id)));
            var contactSender = ClusterAtlasFactory.NewEmail();
            await App.RegisterAndConfirmAsync(contactSender);
            RequestId = await Contact.ContactScenarios.StoredRequestAsync(App, TargetId, contactSender, DateTimeOffset.UtcNow);
            AccountId = await App.WithDbAsync(db => Task.FromResult(db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == TargetId).Select(a => a.UserId).First()));
            IssueId = await App.WithDbAsync(async db =>
            {
                var draft = new ClusterAtlas.Newsletter.NewsletterIssue { Key = "editorial-matrix", Kind = ClusterAtlas.Newsletter.NewsletterIssueKind.Editorial, Subject = "A draft", BodyMarkdown = "Text" };
                db.Add(draft);
                await db.SaveChangesAsync();
                return draft.Id;
            });
            await App.WithDbAsync(async db =>
            {
                db.Add(new ClusterAtlas.News.NewsItem
                {
                    Slug = NewsSlug, Title = "Matrix news", Summary = "Waits for review.", Body = "Text.", ProfileId = TargetId,
                    AuthorName = "Owner", Status = ClusterAtlas.News.NewsStatus.Submitted, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
                return await db.SaveChangesAsync();
            });
            TermId = await App.WithDbAsync(db => Task.FromResult(db.VocabularyTerms.Where(t => t.Vocabulary == ClusterAtlas.Vocabularies.Vocabulary.SectoralIndustries).Min(t => t.Id)));
            CallId = await App.WithDbAsync(db => Task.FromResult(db.Set<ClusterAtlas.Calls.FundingCall>().Min(c => c.Id)));

            People["anonymous"] = App.CreateBrowser();
            People["stranger"] = await App.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
            var otherAdministrator = await App.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
            await ProfileScenarios.RegisterProfileAsync(otherAdministrator, "Matrix Other Cluster");
            People["other profile's administrator"] = otherAdministrator;
            var moderatorEmail = ClusterAtlasFactory.NewEmail();
            await App.AddStaffAsync(moderatorEmail, AccountRoles.Moderator);
            People["moderator without two-factor"] = await App.SignInAsync(moderatorEmail);
        }

        public async Task DisposeAsync()
        {
            foreach (var person in People.Values.Concat(Allowed))
            {
                person.Dispose();
            }
            await App.DisposeAsync();
        }
    }

    private sealed record Probe(string Pattern, string Method, string? Handler);

    [Fact]
    public async Task Every_protected_endpoint_refuses_everyone_who_may_not_use_it_and_changes_nothing()
    {
        var probes = await ProbesAsync();
        var unclassified = probes.Select(p => p.Pattern).Distinct()
            .Where(p => !OpenEndpoints.Contains(p) && !ProtectedPrefixes.Any(prefix => p.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        Assert.True(unclassified.Count == 0, "Endpoints neither open nor protected (add each to one list): " + string.Join(", ", unclassified));

        var protectedProbes = probes.Where(p => !OpenEndpoints.Contains(p.Pattern) || ProtectedApiWrites.Contains($"{p.Method} {p.Pattern}")).ToList();
        Assert.True(ProtectedApiWrites.All(w => protectedProbes.Any(p => $"{p.Method} {p.Pattern}" == w)), "the API's writes are not among the endpoints");
        Assert.True(protectedProbes.Count >= 15, $"only {protectedProbes.Count} protected handlers found: the endpoint listing is broken");
        var before = await fixture.App.SnapshotAsync() + await StaffSnapshotAsync() + await Calls.CallScenarios.CallsSnapshotAsync(fixture.App);
        var postingsBefore = await PartnerSearch.PartnerSearchScenarios.PartnerSearchSnapshotAsync(fixture.App);
        var contactBefore = await Contact.ContactScenarios.ContactSnapshotAsync(fixture.App);
        var eventsBefore = await Events.EventScenarios.EventsSnapshotAsync(fixture.App);
        var newsBefore = await News.NewsScenarios.NewsSnapshotAsync(fixture.App);
        var attempts = 0;
        var failures = new List<string>();
        foreach (var probe in protectedProbes)
        {
            foreach (var (who, browser) in fixture.People)
            {
                var path = Fill(probe.Pattern) + (probe.Handler is null ? "" : "?handler=" + probe.Handler);
                using var response = probe.Method == "GET"
                    ? await browser.GetAsync(new Uri(path, UriKind.Relative))
                    : await PostAsync(browser, path, probe.Method);
                attempts++;
                if (!IsRefused(response))
                {
                    failures.Add($"{who}: {probe.Method} {path} answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        // The paths are real: those who may open each protected page do (a wrong path would only look like a refusal).
        // (A logo is addressed by its content's hash, which no fixture profile has: its refusals are checked above.)
        foreach (var probe in protectedProbes.Where(p => p.Method == "GET" && p.Handler is null && !p.Pattern.Contains("{sha256", StringComparison.Ordinal)))
        {
            var path = Fill(probe.Pattern);
            var answers = new List<HttpStatusCode>();
            foreach (var browser in fixture.Allowed)
            {
                using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
                answers.Add(response.StatusCode);
            }
            Assert.True(answers.Contains(HttpStatusCode.OK), $"GET {path}: neither the profile's administrator nor a platform administrator got it ({string.Join(", ", answers)})");
        }
        output.WriteLine($"{probes.Select(p => p.Pattern).Distinct().Count()} endpoints, {protectedProbes.Count} protected handlers, {attempts} attempts, {failures.Count} let through");
        Assert.True(failures.Count == 0, "Let through:\n" + string.Join("\n", failures));
        Assert.Equal(before, await fixture.App.SnapshotAsync() + await StaffSnapshotAsync() + await Calls.CallScenarios.CallsSnapshotAsync(fixture.App));
        Assert.Equal(postingsBefore, await PartnerSearch.PartnerSearchScenarios.PartnerSearchSnapshotAsync(fixture.App));
        Assert.Equal(contactBefore, await Contact.ContactScenarios.ContactSnapshotAsync(fixture.App));
        Assert.Equal(eventsBefore, await Events.EventScenarios.EventsSnapshotAsync(fixture.App));
        Assert.Equal(newsBefore, await News.NewsScenarios.NewsSnapshotAsync(fixture.App));
    }

    [Fact]
    public async Task Member_handlers_of_open_endpoints_send_anonymous_visitors_to_sign_in_and_change_nothing()
    {
        var probes = (await ProbesAsync())
            .Where(p => MemberEndpoints.Contains(p.Pattern) || (p.Pattern == "/partner-search/{postingId:int}" && p.Method == "POST"))
            .ToList();
        Assert.True(probes.Count >= 12, $"only {probes.Count} member handlers found: the endpoint listing is broken");
        var before = await fixture.App.SnapshotAsync() + await StaffSnapshotAsync();
        var postingsBefore = await PartnerSearch.PartnerSearchScenarios.PartnerSearchSnapshotAsync(fixture.App);
        var contactBefore = await Contact.ContactScenarios.ContactSnapshotAsync(fixture.App);
        var eventsBefore = await Events.EventScenarios.EventsSnapshotAsync(fixture.App);
        var newsBefore = await News.NewsScenarios.NewsSnapshotAsync(fixture.App);
        var anonymous = fixture.People["anonymous"];
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var path = Fill(probe.Pattern) + (probe.Handler is null ? "" : "?handler=" + probe.Handler);
            using var response = probe.Method == "GET" ? await anonymous.GetAsync(new Uri(path, UriKind.Relative)) : await PostAsync(anonymous, path);
            if (!IsRefused(response))
            {
                failures.Add($"{probe.Method} {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Let through:\n" + string.Join("\n", failures));
        Assert.Equal(before, await fixture.App.SnapshotAsync() + await StaffSnapshotAsync());
        Assert.Equal(postingsBefore, await PartnerSearch.PartnerSearchScenarios.PartnerSearchSnapshotAsync(fixture.App));
        Assert.Equal(contactBefore, await Contact.ContactScenarios.ContactSnapshotAsync(fixture.App));
        Assert.Equal(eventsBefore, await Events.EventScenarios.EventsSnapshotAsync(fixture.App));
        Assert.Equal(newsBefore, await News.NewsScenarios.NewsSnapshotAsync(fixture.App));
    }

    /// <summary>What the staff's pages could change besides profiles: roles, locks and sessions of accounts, the audit log, reviews.</summary>
    private Task<string> StaffSnapshotAsync() => fixture.App.WithDbAsync(async db =>
    {
        var roles = await db.UserRoles.Select(r => r.UserId + ":" + r.RoleId).ToListAsync();
        var accounts = await db.Users.Select(u => u.Id + ":" + u.SecurityStamp + ":" + u.LockoutEnd).ToListAsync();
        return $"\n{string.Join(",", roles.Order(StringComparer.Ordinal))}\n{string.Join(",", accounts.Order(StringComparer.Ordinal))}"
            + $"\n{await db.ModerationActions.CountAsync()}:{await db.EditReviews.CountAsync()}";
    });

    /// <summary>Each endpoint with each of its handlers: Razor Pages by their compiled handler methods, the rest by their HTTP methods.</summary>
    private async Task<List<Probe>> ProbesAsync()
    {
        _ = fixture.App.Server;
        var services = fixture.App.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var probes = new List<Probe>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            {
                continue; // stylesheets, scripts, icons: the same bytes for everyone
            }
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    probes.Add(new(pattern, handler.HttpMethod.ToUpperInvariant(), handler.Name));
                }
                if (compiled.HandlerMethods.Count == 0)
                {
                    probes.Add(new(pattern, "GET", null));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            probes.AddRange(methods.Select(m => new Probe(pattern, m, null)));
        }
        return [.. probes.Distinct()];
    }

    private string Fill(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var path = pattern;
        foreach (var parameter in parsed.Parameters)
        {
            var value = parameter.Name switch
            {
                "slug" => fixture.TargetSlug,
                "step" => "general",
                "code" => "404",
                "vocabulary" => ClusterAtlas.Vocabularies.Vocabulary.SectoralIndustries,
                "postingId" => fixture.PostingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "commentId" => fixture.CommentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "revisionId" => fixture.RevisionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "userId" => fixture.AccountId,
                "eventSlug" => fixture.EventSlug,
                "eventId" => fixture.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "newsSlug" => fixture.NewsSlug,
                "requestId" => fixture.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "issueId" => fixture.IssueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "callId" => fixture.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when pattern.Contains("/terms/{" + parameter.Name, StringComparison.Ordinal) => fixture.TermId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => fixture.TargetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", value);
        }
        return path;
    }

    /// <summary>
    /// Each person's antiforgery token, taken from a form they may open and kept for their next posts: a token stays valid
    /// for the same person and cookie, and opening one to three form pages before each of hundreds of posts was an eighth
    /// of the class's CPU. A post with a kept token answered 400 is made again with a fresh one, so a stale token never
    /// passes for a refusal.
    /// </summary>
    private static readonly ConditionalWeakTable<HttpClient, string> Tokens = [];

    /// <summary>A post as the person's browser would make it: with an antiforgery token valid for them, and fields that would change the profile.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string method = "POST")
    {
        if (method is "PUT" or "PATCH")
        {
            // A script in a page would send JSON with the visitor's cookie, and If-Match of any version.
            using var write = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = new StringContent("{\"name\": \"Taken over\"}", System.Text.Encoding.UTF8, method == "PATCH" ? "application/merge-patch+json" : "application/json"),
            };
            write.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
            return await browser.SendAsync(write);
        }
        var kept = Tokens.TryGetValue(browser, out var keptToken);
        var token = kept ? keptToken! : await TokenAsync(browser);
        var response = await PostFormAsync(browser, path, token);
        if (kept && response.StatusCode == HttpStatusCode.BadRequest)
        {
            response.Dispose();
            token = await TokenAsync(browser);
            response = await PostFormAsync(browser, path, token);
        }
        Tokens.AddOrUpdate(browser, token);
        return response;
    }

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        foreach (var page in new[] { "/cluster-organisations/register", "/account/two-factor/setup", "/account/login", "/account" })
        {
            using var get = await browser.GetAsync(new Uri(page, UriKind.Relative));
            var document = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
            if (document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }
        return "";
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string token)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Name"] = "Taken over",
            ["Form.Website"] = "https://taken-over.example.org",
            ["email"] = "attacker@example.org",
            ["reason"] = "taken over",
            ["Reason"] = "taken over",
            ["role"] = AccountRoles.Administrator,
            ["field"] = "Name",
            ["revisionIds"] = "1",
        };
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        ProfileScenarios.IsRefusal(response)
        || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.StartsWith("/account/two-factor/setup?required=true", StringComparison.Ordinal) == true);
}

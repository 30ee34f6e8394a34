using System.Net;
using ClusterAtlas.Calls;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Calls;

/// <summary>The platform team adds, changes and deletes calls through forms; visitors find them on /calls and their pages.</summary>
public sealed class CallAdministrationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private async Task<Dictionary<string, string>> FieldsAsync(string title, int closesInDays, string countries = "")
    {
        var sector = await app.TermIdAsync(Vocabulary.SectoralIndustries, "Automotive");
        return new()
        {
            ["Form.Programme"] = "Horizon Europe",
            ["Form.Title"] = title,
            ["Form.Identifier"] = "HORIZON-CL4-2027-" + Guid.NewGuid().ToString("N")[..6],
            ["Form.Link"] = "ec.europa.eu/info/funding/" + Guid.NewGuid().ToString("N")[..8],
            ["Form.ClosesOn"] = CallScenarios.Day(closesInDays),
            ["Form.ClosingTime"] = "17:00",
            ["Form.EligibleCountries"] = countries,
            ["Form.Sectors"] = sector.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.BudgetText"] = "up to EUR 60,000 per project",
            ["Form.Summary"] = "Funds **pilot lines**. <script>alert(1)</script> [More](javascript:alert(1))",
            ["Form.Tags"] = "Green Deal, digitalisation",
        };
    }

    [Fact]
    public async Task The_platform_team_adds_a_call_that_visitors_find_and_read()
    {
        using var staff = await app.PlatformTeamAsync();
        var slug = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync("Pilot lines for electric drivetrains", 30, "RS"));
        Assert.StartsWith("pilot-lines-for-electric-drivetrains", slug, StringComparison.Ordinal);
        var call = await app.CallAsync(slug);
        Assert.StartsWith("https://ec.europa.eu/", call.Link, StringComparison.Ordinal);
        Assert.Equal(["green-deal", "digitalisation"], call.Tags);
        Assert.Equal(["RS"], call.EligibleCountries);
        Assert.Equal(CallDates.Instant(DateOnly.Parse(CallScenarios.Day(30), System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(17, 0), CallDates.Zone("Europe/Brussels")!), call.ClosesAt);

        var page = await app.GetDocumentAsync("/calls/" + slug);
        Assert.Equal("Pilot lines for electric drivetrains", page.QuerySelector("h1")!.TextContent);
        var markdown = page.QuerySelector(".markdown")!;
        Assert.NotNull(markdown.QuerySelector("strong"));
        Assert.Null(markdown.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", markdown.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("17:00 (Europe/Brussels)", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);

        var list = await app.GetDocumentAsync("/calls?q=drivetrains&country=RS");
        Assert.Contains(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == "/calls/" + slug);
        var closed = await app.GetDocumentAsync("/calls?status=closed&q=drivetrains");
        Assert.Empty(closed.QuerySelectorAll(".result-title a"));
    }

    [Fact]
    public async Task Open_calls_come_closing_soonest_first_and_closed_ones_apart()
    {
        using var staff = await app.PlatformTeamAsync();
        var later = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync("Ordering call later", 50));
        var sooner = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync("Ordering call sooner", 5));
        var past = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync("Ordering call past", -3));
        var open = (await app.GetDocumentAsync("/calls?q=ordering")).QuerySelectorAll(".result-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/calls/" + sooner, "/calls/" + later], open);
        var closed = (await app.GetDocumentAsync("/calls?q=ordering&status=closed")).QuerySelectorAll(".result-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/calls/" + past], closed);
        using var bad = await app.CreateClient().GetAsync(new Uri("/calls?status=everything", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_platform_team_edits_a_call_keeping_its_slug_and_deletes_it()
    {
        using var staff = await app.PlatformTeamAsync();
        var slug = await CallScenarios.AddThroughFormAsync(staff, await FieldsAsync("Edited call", 20));
        var id = (await app.CallAsync(slug)).Id;
        using (var saved = await staff.SubmitFormAsync($"/admin/calls/{id}/edit", new() { ["Form.Title"] = "Edited call, new title", ["Form.EligibleCountries"] = "" }, "form.call-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/calls/{slug}?done=saved", saved.Headers.Location!.OriginalString);
        }
        Assert.Equal("Edited call, new title", (await app.CallAsync(slug)).Title);

        using (var wrong = await staff.SubmitFormAsync($"/admin/calls/{id}/edit",
            new() { ["Form.ClosesOn"] = "31.03.2027", ["Form.Link"] = "javascript:alert(1)", ["Form.EligibleCountries"] = "" }, "form.call-form"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var errors = await ClusterAtlasFactory.FieldErrorsAsync(wrong);
            Assert.Equal("The date must be a date such as 2027-03-31.", errors["Form.ClosesOn"]);
            Assert.Equal("The link must be a web address such as https://example.org/call.", errors["Form.Link"]);
        }
        Assert.Equal("Edited call, new title", (await app.CallAsync(slug)).Title);

        using (var deleted = await staff.SubmitFormAsync($"/admin/calls/{id}/edit", [], "form.delete-call"))
        {
            Assert.Equal("/admin/calls?done=deleted", deleted.Headers.Location!.OriginalString);
        }
        using var gone = await app.CreateClient().GetAsync(new Uri("/calls/" + slug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Members_and_anonymous_visitors_cannot_add_calls()
    {
        var before = await app.CallsSnapshotAsync();
        var member = await app.MemberWithPublishedProfileAsync("Calls Outsider Cluster");
        using var page = await member.Browser.GetAsync(new Uri("/admin/calls/new", UriKind.Relative));
        Assert.True(Profiles.ProfileScenarios.IsRefusal(page), $"answered {(int)page.StatusCode}");
        using var post = await PartnerSearchScenarios.PostAsync(member.Browser, "/admin/calls/new", (await FieldsAsync("Sneaked call", 10)).ToList(), tokenPage: "/account");
        Assert.True(Profiles.ProfileScenarios.IsRefusal(post), $"answered {(int)post.StatusCode}");
        Assert.Equal(before, await app.CallsSnapshotAsync());
    }

    [Fact]
    public async Task Sample_calls_are_loaded_on_the_first_start_and_some_are_open()
    {
        var now = DateTimeOffset.UtcNow;
        var statuses = await app.WithDbAsync(async db =>
            (await db.Set<FundingCall>().Where(c => c.Link.StartsWith("https://calls.example.org/sample-")).ToListAsync()).Select(c => c.StatusAt(now)).ToList());
        Assert.InRange(statuses.Count, 4, 6);
        Assert.Contains(CallStatus.Open, statuses);
        Assert.Contains(CallStatus.Forthcoming, statuses);
        Assert.Contains(CallStatus.Closed, statuses);
        using var feed = await app.CreateClient().GetAsync(new Uri("/calls/feed.atom", UriKind.Relative));
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        Assert.True(xml.Root!.Elements("{http://www.w3.org/2005/Atom}entry").Count() >= 3);
    }
}

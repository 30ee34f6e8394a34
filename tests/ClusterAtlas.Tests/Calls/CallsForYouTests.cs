using System.Net;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Calls;

/// <summary>"Calls for you" in the account, with reasons in the member's language, and a partner search started from a call.</summary>
public sealed class CallsForYouTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_member_sees_the_calls_that_fit_their_profile_with_the_reasons_in_their_language()
    {
        var member = await app.MemberWithPublishedProfileAsync("Calls Fit Metal Cluster");
        await app.SetProfileAsync(member.ProfileId, "RS", (ProfileField.SectoralIndustry, "Metalworking Technology"), (ProfileField.SectoralIndustry, "Automotive"),
            (ProfileField.TechnologyField, "Computer Software"));
        var id = Guid.NewGuid().ToString("N")[..8];
        var result = await app.ImportAsync(CallScenarios.Csv(
            CallScenarios.Row($"Best fit {id}", $"FIT-{id}-1", $"https://example.org/{id}/1", 60, countries: "RS; HR", sectors: "Metalworking Technology; Automotive", technologies: "Computer Software"),
            CallScenarios.Row($"Some fit {id}", $"FIT-{id}-2", $"https://example.org/{id}/2", 10, sectors: "Automotive"),
            CallScenarios.Row($"Not eligible {id}", $"FIT-{id}-3", $"https://example.org/{id}/3", 10, countries: "DE", sectors: "Automotive; Metalworking Technology"),
            CallScenarios.Row($"No fit {id}", $"FIT-{id}-4", $"https://example.org/{id}/4", 10, sectors: "Furniture")));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var page = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/account/calls", UriKind.Relative)));
        var section = page.QuerySelector($"#for-{member.Slug}")!;
        var titles = section.QuerySelectorAll(".result-title a").Select(a => a.TextContent).Where(t => t.EndsWith(id, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Best fit {id}", $"Some fit {id}"], titles);
        var reasons = section.QuerySelectorAll(".reasons").Select(r => r.TextContent).ToList();
        Assert.Contains("your sectors: Metalworking Technology, Automotive; your technology fields: Computer Software; open to Serbia", reasons);

        var account = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/account", UriKind.Relative)));
        Assert.NotNull(account.QuerySelector("a[href='/account/calls']"));
    }

    [Fact]
    public async Task A_profile_administrator_starts_a_partner_search_for_a_call_in_one_step()
    {
        var member = await app.MemberWithPublishedProfileAsync("Calls Posting Cluster");
        var id = Guid.NewGuid().ToString("N")[..8];
        var result = await app.ImportAsync(CallScenarios.Csv(
            CallScenarios.Row($"Consortium call {id}", $"HORIZON-{id}", $"https://example.org/{id}", 45, sectors: "Automotive", technologies: "Computer Software", countries: "RS; HU",
                programme: "Horizon Europe")));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var slug = result.Rows[0].Slug;

        var callPage = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri("/calls/" + slug, UriKind.Relative)));
        var start = callPage.QuerySelector($".call-partners a[href='/cluster-organisations/{member.Slug}/partner-search/new?call={slug}']");
        Assert.NotNull(start);
        var anonymousPage = await app.GetDocumentAsync("/calls/" + slug);
        Assert.Null(anonymousPage.QuerySelector(".call-partners"));

        var form = await ClusterAtlasFactory.ParseAsync(await member.Browser.GetStringAsync(new Uri(start!.GetAttribute("href")!, UriKind.Relative)));
        Assert.Equal(["HU", "RS"], form.QuerySelectorAll("#Form_TargetCountries option[selected]").Select(o => o.GetAttribute("value")).Order());
        using var posted = await member.Browser.SubmitFormAsync(start.GetAttribute("href")!, [], "form.posting-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var postingId = int.Parse(posted.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var posting = await app.PostingAsync(postingId);
        Assert.Equal(PostingKind.CallInterest, posting.Kind);
        Assert.Equal($"Consortium call {id} (HORIZON-{id})", posting.CallName);
        Assert.Equal("Horizon Europe", posting.CallProgramme);
        Assert.Equal($"https://example.org/{id}", posting.CallLink);
        Assert.Equal(DateOnly.Parse(CallScenarios.Day(45), System.Globalization.CultureInfo.InvariantCulture), posting.Deadline);
        Assert.Equal(
            [await app.TermIdAsync(Vocabulary.SectoralIndustries, "Automotive"), await app.TermIdAsync(Vocabulary.TechnologyFields, "Computer Software")],
            posting.Terms.OrderBy(t => t.Field).Select(t => t.VocabularyTermId));
    }
}

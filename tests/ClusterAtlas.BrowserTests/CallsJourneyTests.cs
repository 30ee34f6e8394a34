using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Open calls in a real browser: a member whose cluster works in automotive sees the sample supply-chain call among
/// "calls for you" with the reasons, opens it, and posts a partner search for it from the form the call filled in.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CallsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_member_sees_calls_for_their_cluster_with_reasons_and_looks_for_partners_for_one()
    {
        var unique = "Callwise" + Guid.NewGuid().ToString("N")[..6];
        var email = $"calls-{unique.ToLowerInvariant()}@example.org";
        var profileName = $"{unique} Automotive Cluster";
        var slug = await app.MemberWithPublishedProfileAsync(email, "Vera Calls", profileName, countryCode: "RS");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
            var profile = await db.ClusterOrganisations.Include(p => p.Terms).SingleAsync(p => p.Slug == slug);
            var automotive = await db.VocabularyTerms.SingleAsync(t => t.Vocabulary == Vocabulary.SectoralIndustries && t.Label == "Automotive");
            profile.Terms.Add(new ProfileTerm { Field = ProfileField.SectoralIndustry, VocabularyTermId = automotive.Id });
            await db.SaveChangesAsync();
        }

        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await JourneySteps.SignInAsync(page, email);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calls for you" }).ClickAsync();
        var call = page.Locator($"#for-{slug} .call-card").Filter(new() { HasText = "Cluster cooperation for resilient supply chains" });
        await Assertions.Expect(call.Locator(".reasons")).ToHaveTextAsync("your sectors: Automotive; open to Serbia");
        await Artefacts.ScreenshotAsync(page, "calls-for-you");

        await call.GetByRole(AriaRole.Link, new() { Name = "Cluster cooperation for resilient supply chains" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Look for partners for {profileName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Form_CallName")).ToHaveValueAsync("Cluster cooperation for resilient supply chains (SMP-COSME-SAMPLE-02)");
        await Assertions.Expect(page.Locator("#Form_CallProgramme")).ToHaveValueAsync("Single Market Programme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the partner search" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Partners wanted for the call Cluster cooperation for resilient supply chains");
        watch.AssertClean();
    }
}

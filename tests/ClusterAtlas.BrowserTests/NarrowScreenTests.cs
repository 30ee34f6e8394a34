using System.Text.RegularExpressions;
using ClusterAtlas.Accounts;
using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The staff and account tables read on a 360 px phone without sideways scrolling (each row becomes a card with the
/// column names), and the two-factor set-up page, met on the way, passes axe in both colour schemes.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NarrowScreenTests(BrowserApp app)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Moderation_colleague_and_account_tables_fit_a_360_px_screen()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        // Long words and addresses, as real ones can be: the layout must wrap them, not widen the page.
        var email = $"administrator.of.the.regional.development.agency-{unique}@cluster-network-of-the-danube-region.example.org";
        await using var tab = await app.OpenTabAsync(width: 360, height: 740);
        var page = tab.Page;
        var watch = tab.Watch;

        await SetPasswordAndSignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/setup"));
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code with the key for your authenticator app" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "two-factor set-up (light, phone)");
        await Artefacts.ScreenshotAsync(page, "phone-two-factor-setup");
        await page.SetViewportSizeAsync(1280, 900);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await Axe.AssertNoViolationsAsync(page, $"two-factor set-up ({scheme})");
            await Artefacts.ScreenshotAsync(page, $"axe-two-factor-setup-{scheme.ToString().ToLowerInvariant()}");
        }
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Code").FillAsync(ClusterAtlas.Tests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);

        var slug = await FillTheTablesAsync(email, unique);

        await page.SetViewportSizeAsync(360, 740);
        foreach (var (name, path) in new[]
        {
            ("moderation queue", "/moderation"),
            ("audit log", "/moderation/audit"),
            ("recent edits", "/moderation/edits"),
            ("colleagues", $"/cluster-organisations/{slug}/colleagues"),
            ("account", "/account"),
            ("accounts (admin)", "/admin/users"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            Assert.True(await page.Locator("main table, main article.edit, main dl").CountAsync() > 0, $"{name}: nothing to measure");
            var (page360, widest) = await OverflowAsync(page);
            await Artefacts.ScreenshotAsync(page, "phone-360-" + new string([.. name.Select(c => char.IsLetter(c) ? c : '-')]));
            Assert.True(page360 <= 0, $"{name} ({path}) scrolls sideways by {page360}px at 360 px; too wide: {await TooWideAsync(page)}");
            Assert.True(widest <= 0, $"{name} ({path}): a table is {widest}px wider than its box at 360 px");
            await Axe.AssertNoViolationsAsync(page, $"{name} (phone)");
        }

        // Wide tables scroll inside their own box (reachable by keyboard), and long German words break, in English and German
        // (the moderation queue's German labels once widened it by 60 px).
        await page.GotoAsync("/account/tokens");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nightly export of the regional cluster directory");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();
        foreach (var language in new[] { "en", "de" })
        {
            if (await page.Locator($".language-nav a[hreflang='{language}']").CountAsync() > 0)
            {
                await page.Locator($".language-nav a[hreflang='{language}']").ClickAsync();
            }
            foreach (var (name, path) in new[] { ("tokens", "/account/tokens"), ("calls (admin)", "/admin/calls"), ("directory", "/cluster-organisations"), ("moderation queue", "/moderation") })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                if (path == "/cluster-organisations")
                {
                    await page.Locator("#filters-summary").ClickAsync();
                }
                var (page360, widest) = await OverflowAsync(page);
                Assert.True(page360 <= 0, $"{name} ({path}, {language}) scrolls sideways by {page360}px at 360 px; too wide: {await TooWideAsync(page)}");
                Assert.True(widest <= 0 || await page.Locator("main .table-wrap[tabindex='0']").CountAsync() > 0, $"{name} ({path}, {language}): a table is {widest}px wider than its box at 360 px");
                await Axe.AssertNoViolationsAsync(page, $"{name} (phone, {language})");
            }
        }
        await page.Locator(".language-nav a[hreflang='en']").ClickAsync();
        watch.AssertClean();
    }

    /// <summary>How far the page is wider than the viewport, and how far the widest table (or its scroll box) is wider than its container.</summary>
    private static async Task<(int Page, int Table)> OverflowAsync(IPage page)
    {
        var result = await page.EvaluateAsync<int[]>("""
            () => {
              const doc = document.documentElement;
              let table = -1;
              for (const t of document.querySelectorAll('main table')) {
                const box = t.parentElement;
                table = Math.max(table, t.scrollWidth - box.clientWidth, box.scrollWidth - box.clientWidth);
              }
              return [doc.scrollWidth - window.innerWidth, table];
            }
            """);
        return (result[0], result[1]);
    }

    /// <summary>The innermost elements that reach past the right edge of the viewport, to name in a failure.</summary>
    private static Task<string> TooWideAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`).join(', ')
        """);

    /// <summary>`users add-admin` as the command line does it, then the password from its one-time link and the first sign-in.</summary>
    private async Task SetPasswordAndSignInAsync(IPage page, string email)
    {
        StaffAccountResult created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, AccountRoles.Administrator, CancellationToken.None);
        }
        await page.GotoAsync(created.SetPasswordPath);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// What the tables show, made through the platform's own services: a profile of the administrator's in the
    /// queue, one of another applicant's sent back with a long reason (the audit log), an edit of the published demo profile (the feed).
    /// Returns the slug of the administrator's own profile.
    /// </summary>
    private async Task<string> FillTheTablesAsync(string email, string unique)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var db = services.GetRequiredService<ClusterAtlasDbContext>();
        var editor = services.GetRequiredService<ProfileEditor>();
        var sector = await db.VocabularyTerms.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();

        var waiting = await editor.CreateDraftAsync(Form($"Interregional Bioeconomy and Circular Manufacturing Cluster Association {unique}", sector), principal, CancellationToken.None);
        await editor.SubmitAsync(waiting, CancellationToken.None);

        // Sent back by the administrator, so registered by someone else: no one decides on their own profile.
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var applicant = new ApplicationUser { UserName = $"applicant-{unique}@example.org", Email = $"applicant-{unique}@example.org", EmailConfirmed = true, DisplayName = "Applicant" };
        Assert.True((await users.CreateAsync(applicant)).Succeeded);
        var applicantPrincipal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(applicant);
        var sentBack = await editor.CreateDraftAsync(Form($"Mechatronics Cluster {unique}", sector), applicantPrincipal, CancellationToken.None);
        await editor.SubmitAsync(sentBack, CancellationToken.None);
        var reviewed = (await editor.FindAsync(sentBack.Id, CancellationToken.None))!;
        var rejected = await services.GetRequiredService<ModerationWorkflow>().RejectAsync(reviewed, reviewed.ConcurrencyToken,
            "The member list names https://members.example.org/a-very-long-address-without-any-spaces-that-must-wrap-somewhere as its source; please give the number of members yourself.",
            principal, CancellationToken.None);
        Assert.Equal(ModerationResult.Done, rejected);

        var published = (await editor.FindAsync("vojvodina-metal-cluster", CancellationToken.None))!;
        var form = editor.FormOf(published);
        form[nameof(ClusterOrganisation.ShortDescription)] = "Metalworking companies and institutes of Vojvodina, working together on precision manufacturing " + unique;
        Assert.IsType<SaveOutcome.Saved>(await editor.SaveAsync(published, form, published.ConcurrencyToken, principal, CancellationToken.None));
        return waiting.Slug;
    }

    private static ProfileForm Form(string name, int sector) => new()
    {
        [nameof(ClusterOrganisation.Name)] = name,
        [nameof(ClusterOrganisation.ShortDescription)] = "Makers of things, working together.",
        [nameof(ClusterOrganisation.Website)] = "https://cluster.example.org",
        [nameof(ClusterOrganisation.CountryCode)] = "RS",
        [nameof(ClusterOrganisation.City)] = "Novi Sad",
        SectoralIndustries = [sector],
        [nameof(ClusterOrganisation.ManagementTeamFte)] = 1.5m,
        [nameof(ClusterOrganisation.TotalMembers)] = 40,
        [nameof(ClusterOrganisation.SmeMembers)] = 30,
        [nameof(ClusterOrganisation.ResearchOrganisationMembers)] = 5,
    };

}

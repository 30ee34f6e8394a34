using System.Text.RegularExpressions;
using ClusterAtlas.Accounts;
using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The profile form with its script: "Add another" adds a row in the page, the error summary's links put the focus
/// in their field, Enter saves and continues; the logo is uploaded and shown. axe checks the steps, light and dark.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProfileFormTests(BrowserApp app)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Add_another_adds_a_row_in_the_page_and_the_error_summary_leads_to_the_field()
    {
        var unique = "Sedge" + Guid.NewGuid().ToString("N")[..6];
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await SignInAsNewMemberAsync(page, $"{unique.ToLowerInvariant()}@example.org");
        var slug = await RegisterProfileAsync(page, $"{unique} Wetland Cluster");

        await page.GotoAsync($"/cluster-organisations/{slug}/edit/general");
        var rows = page.Locator("[data-rows=ManagementTeam] > .form-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.Locator("#Form_ManagementTeam_0__Name").FillAsync("Ana Petrović");
        await page.Locator("#Form_ManagementTeam_0__ContactVisibility").SelectOptionAsync("MembersOnly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another team member" }).ClickAsync();

        // Added in the page: no page load, what was typed is still there, the new row is empty and has the focus.
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.EndsWith($"/cluster-organisations/{slug}/edit/general", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_0__Name")).ToHaveValueAsync("Ana Petrović");
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_1__Name")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_1__Name")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_1__ContactVisibility")).ToHaveValueAsync("Public");
        await Assertions.Expect(rows.Nth(1).Locator("legend")).ToHaveTextAsync("Team member 2");
        await Assertions.Expect(page.GetByLabel("Name").Nth(1)).ToHaveIdAsync("Form_ManagementTeam_1__Name");
        await page.Locator("#Form_ManagementTeam_1__Name").FillAsync("Marko Jovanović");
        // The role's suggestions come from the management roles; any other may be typed.
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_1__Role")).ToHaveAttributeAsync("list", "management-roles");
        Assert.Contains("Cluster Manager", await page.Locator("#management-roles option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await page.Locator("#Form_ManagementTeam_1__Role").FillAsync("Cluster Manager");
        await page.Locator("#Form_ManagementTeam_1__Email").FillAsync("marko at example");
        await Artefacts.ScreenshotAsync(page, "form-add-another-team-member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // Refused: the summary names the row and the field, and its link puts the focus in that field.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Team member 2, E-mail: Enter an e-mail address such as name@example.org." });
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#Form_ManagementTeam_1__Email")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page, "general step with errors");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Axe.AssertNoViolationsAsync(page, "general step with errors (dark)");
        await Artefacts.ScreenshotAsync(page, "form-error-summary-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await page.Locator("#Form_ManagementTeam_1__Email").FillAsync("marko@example.org");
        // Enter in a field saves and continues, as the main button does.
        await page.Locator("#Form_OtherLabels").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/edit/focus\\?saved=true$"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var team = await scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>().ClusterOrganisations
                .Where(p => p.Slug == slug).SelectMany(p => p.ManagementTeam).OrderBy(m => m.SortOrder)
                .Select(m => new { m.Name, m.Role, m.Email, m.ContactVisibility }).ToListAsync();
            Assert.Equal(["Ana Petrović", "Marko Jovanović"], team.Select(m => m.Name));
            Assert.Equal(ClusterAtlas.Profiles.ContactVisibility.MembersOnly, team[0].ContactVisibility);
            Assert.Equal(("Cluster Manager", "marko@example.org"), (team[1].Role, team[1].Email));
        }

        // Every step with a repeated group adds rows the same way; axe finds nothing on any of them, light or dark.
        foreach (var (step, group, button) in new[]
        {
            ("composition", "SupportFacilities", "Add another facility"), ("composition", "MajorPlayers", "Add another major player"),
            ("cooperation", "CollaboratingClusters", "Add another partner"),
            ("programmes", "SupportProgrammes", "Add another programme"), ("programmes", "SuccessStories", "Add another story"),
        })
        {
            await page.GotoAsync($"/cluster-organisations/{slug}/edit/{step}");
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(page.Locator($"[data-rows={group}] > .form-row")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator($"[data-rows={group}] > .form-row").Nth(1).Locator("input, textarea").First).ToBeFocusedAsync();
        }
        foreach (var step in new[] { "identity", "general", "composition", "cooperation", "programmes" })
        {
            await page.GotoAsync($"/cluster-organisations/{slug}/edit/{step}");
            await Axe.AssertNoViolationsAsync(page, $"edit: {step}");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await Axe.AssertNoViolationsAsync(page, $"edit: {step} (dark)");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        }
        watch.AssertClean();
    }

    [Fact]
    public async Task A_logo_is_uploaded_on_its_page_and_shown_on_the_profile()
    {
        var unique = "Rush" + Guid.NewGuid().ToString("N")[..6];
        await using var tab = await app.OpenTabAsync();
        var page = tab.Page;
        var watch = tab.Watch;
        await SignInAsNewMemberAsync(page, $"{unique.ToLowerInvariant()}@example.org");
        var name = $"{unique} Reed Cluster";
        var slug = await RegisterProfileAsync(page, name);

        await page.GotoAsync($"/cluster-organisations/{slug}/edit/identity");
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a logo" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "logo page");
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#0b6e4f"/><text x="60" y="26" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">REED</text></svg>"""u8.ToArray();
        await page.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "reed.svg", MimeType = "image/svg+xml", Buffer = svg });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("The logo is saved.");
        var preview = page.GetByRole(AriaRole.Img, new() { Name = $"Logo of {name}" });
        await Assertions.Expect(preview).ToBeVisibleAsync();
        Assert.True(await LoadsAsync(preview), "the logo loads under the page's Content-Security-Policy");
        await Axe.AssertNoViolationsAsync(page, "logo page with a logo");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Axe.AssertNoViolationsAsync(page, "logo page (dark)");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Artefacts.ScreenshotAsync(page, "logo-page");

        foreach (var (path, shot) in new[] { ($"/cluster-organisations/{slug}", "logo-profile-page"), ($"/cluster-organisations/{slug}/print", "logo-print-view") })
        {
            await page.GotoAsync(path);
            var logo = page.Locator(".profile-header img.profile-logo");
            await Assertions.Expect(logo).ToHaveAttributeAsync("alt", $"Logo of {name}");
            Assert.True(await LoadsAsync(logo), $"the logo loads on {path}");
            await Artefacts.ScreenshotAsync(page, shot);
        }
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/cluster-organisations/{slug}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the profile page scrolls sideways by {overflow}px on a phone");
        await Artefacts.ScreenshotAsync(page, "logo-profile-page-phone");
        await page.GotoAsync($"/cluster-organisations/{slug}/edit/logo");
        await Artefacts.ScreenshotAsync(page, "logo-page-phone");
        watch.AssertClean();
    }

    private async Task SignInAsNewMemberAsync(IPage page, string email)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Form Tester", CreatedAt = DateTimeOffset.UtcNow,
                PrivacyPolicyAcceptedAt = DateTimeOffset.UtcNow, TermsAcceptedAt = DateTimeOffset.UtcNow,
            }, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    private static async Task<string> RegisterProfileAsync(IPage page, string name)
    {
        await page.GotoAsync("/cluster-organisations/register");
        await page.GetByLabel("Name of the cluster organisation").FillAsync(name);
        await page.GetByLabel("Website").FillAsync("https://wetland.example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/edit/general"));
        return new Uri(page.Url).AbsolutePath.Split('/')[2];
    }

    /// <summary>Whether the image loads (waiting for it: on a busy machine it may still be on its way when it becomes visible).</summary>
    private static async Task<bool> LoadsAsync(ILocator image) =>
        await image.EvaluateAsync<bool>(
            "img => img.complete && img.naturalWidth > 0 ? true : new Promise(resolve => { img.addEventListener('load', () => resolve(img.naturalWidth > 0)); img.addEventListener('error', () => resolve(false)); setTimeout(() => resolve(img.complete && img.naturalWidth > 0), 15000); })");
}

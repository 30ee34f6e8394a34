using System.Text.RegularExpressions;
using ClusterAtlas.Accounts;
using ClusterAtlas.BrowserTests.Infrastructure;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>An administrator reviews a term an import proposed and adds one, on pages axe finds nothing on, in light and dark.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class VocabularyPagesTests(BrowserApp app)
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task An_administrator_accepts_a_proposed_term_and_adds_one_on_accessible_pages(ColorScheme scheme)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var proposed = $"Orbital Logistics {unique}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EccpProfileImporter>().ImportAsync(
                $"Home > Cluster Organisations > Orbit Cluster {unique}\nSectoral Industries:\n{proposed}\nAutomotive\n",
                "orbit.txt", ProfileStatus.Published, CancellationToken.None);
        }
        await using var tab = await app.OpenTabAsync(colorScheme: scheme);
        var page = tab.Page;
        var watch = tab.Watch;
        var name = scheme.ToString().ToLowerInvariant();
        await SignInAsNewAdministratorAsync(page, $"admin-{unique}@example.org");

        // From the staff menu to the vocabularies, where the proposed term waits.
        await page.GotoAsync("/moderation");
        await page.Locator(".moderation-nav").GetByRole(AriaRole.Link, new() { Name = "Vocabularies" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vocabularies", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"/admin/vocabularies ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"vocabularies-{name}");
        await page.GetByRole(AriaRole.Link, new() { Name = proposed }).ClickAsync();
        await Assertions.Expect(page.Locator(".reject-count")).ToHaveTextAsync("Rejecting removes the term from 1 profiles.");
        await Axe.AssertNoViolationsAsync(page, $"proposed term ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"vocabulary-proposed-term-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the term" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Saved: {proposed}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = proposed })).ToContainTextAsync("In use");

        // Adding a term without a name says so next to the field; with one, it is in the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        await Assertions.Expect(page.Locator("#label-error")).ToHaveTextAsync("Enter a name with letters or digits.");
        await Axe.AssertNoViolationsAsync(page, $"vocabulary page with an error ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"vocabulary-error-{name}");
        await page.GetByLabel("Name").FillAsync($"Lunar Construction {unique}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Lunar Construction {unique}" })).ToBeVisibleAsync();

        // The term page, as on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Lunar Construction {unique}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("New name")).ToHaveValueAsync($"Lunar Construction {unique}");
        await Axe.AssertNoViolationsAsync(page, $"term page on a phone ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"vocabulary-term-phone-{name}");
        watch.AssertClean();
    }

    /// <summary>`users add-admin` as the command line does it, then the first sign-in with the authenticator set up.</summary>
    private Task SignInAsNewAdministratorAsync(IPage page, string email) => SignInAsNewAdministratorAsync(app, page, email);

    internal static async Task SignInAsNewAdministratorAsync(BrowserApp app, IPage page, string email)
    {
        StaffAccountResult created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, AccountRoles.Administrator, CancellationToken.None);
        }
        await page.GotoAsync(new Uri(created.SetPasswordLink).PathAndQuery);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/setup"));
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Code").FillAsync(ClusterAtlas.Tests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
    }
}

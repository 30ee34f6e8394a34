using ClusterAtlas.Accounts;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests;

/// <summary>An administrator finds an account from the staff menu and locks it with a reason, on pages axe finds nothing on, in light and dark.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountPagesForAdministratorsTests(BrowserApp app)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task An_administrator_locks_an_account_with_a_reason_and_finds_it_in_the_audit_log(ColorScheme scheme)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await using var tab = await app.OpenTabAsync(colorScheme: scheme);
        var page = tab.Page;
        var watch = tab.Watch;
        var name = scheme.ToString().ToLowerInvariant();
        var memberEmail = $"member-{unique}@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(
                new ApplicationUser { UserName = memberEmail, Email = memberEmail, EmailConfirmed = true, DisplayName = "Member " + unique, CreatedAt = DateTimeOffset.UtcNow });
            Assert.True(created.Succeeded);
        }
        await VocabularyPagesTests.SignInAsNewAdministratorAsync(app, page, $"admin-{unique}@example.org");

        await page.GotoAsync("/moderation");
        await page.Locator(".moderation-nav").GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByLabel("E-mail address or name").FillAsync($"member-{unique}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, $"/admin/users ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"admin-users-{name}");
        await page.GetByRole(AriaRole.Link, new() { Name = memberEmail }).ClickAsync();

        // Without a reason the lock is refused next to the field; with one, the account is locked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync("Give the reason");
        await Axe.AssertNoViolationsAsync(page, $"account page with an error ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"admin-user-error-{name}");
        await page.GetByLabel("Reason").FillAsync("Shared the password with a bot.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The account is locked");

        await page.GetByRole(AriaRole.Link, new() { Name = "What the audit log says about this account" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.audit-log tbody tr").First).ToContainTextAsync("Shared the password with a bot.");
        await Axe.AssertNoViolationsAsync(page, $"filtered audit log ({scheme})");
        await Artefacts.ScreenshotAsync(page, $"audit-log-filtered-{name}");
        watch.AssertClean();
    }
}

using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// A cluster manager's whole way, in a real browser: register, confirm by the link in the e-mail, fill in and submit a
/// profile, a moderator approves it, it is in the directory, the manager edits it and adds a colleague, the
/// colleague edits it. axe checks each new kind of page on the way.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ClusterManagerJourneyTests(BrowserApp app)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Register_submit_approve_find_edit_add_a_colleague_who_edits()
    {
        var unique = "Quillwort" + Guid.NewGuid().ToString("N")[..6];
        var clusterName = $"{unique} Bioeconomy Cluster";
        var manager = $"manager-{unique.ToLowerInvariant()}@example.org";

        // 1. The manager registers and confirms the address by the link in the e-mail.
        await using var managerTab = await app.OpenTabAsync();
        var page = managerTab.Page;
        var watch = managerTab.Watch;
        await RegisterAccountAsync(page, "Mara Manager", manager);
        await SignInAsync(page, manager);

        // 2. ... registers the cluster organisation, step by step, and submits it.
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register your cluster organisation" }).First.ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "register profile");
        await page.GetByLabel("Name of the cluster organisation").FillAsync(clusterName);
        await page.GetByLabel("Website").FillAsync("https://quillwort.example.org");
        await page.GetByLabel("Country").SelectOptionAsync("RS");
        await page.GetByLabel("City").FillAsync("Subotica");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/edit/general"));
        var slug = new Uri(page.Url).AbsolutePath.Split('/')[2];
        await Axe.AssertNoViolationsAsync(page, "edit: general");
        await Artefacts.ScreenshotAsync(page, "manager-1-general-step");

        await page.GetByLabel("Management team in full-time equivalents").FillAsync("1.5");
        await page.GetByLabel("Name").First.FillAsync("Mara Manager");
        await SaveAndContinueAsync(page, "focus");
        await page.Locator("input[name='Form.SectoralIndustries']").First.CheckAsync();
        await Axe.AssertNoViolationsAsync(page, "edit: focus");
        await SaveAndContinueAsync(page, "composition");
        await page.GetByLabel("Total number of members").FillAsync("42");
        await page.GetByLabel("SME members").FillAsync("30");
        await page.GetByLabel("Research and education organisations").FillAsync("6");
        await SaveAndContinueAsync(page, "strategy");
        await page.GetByLabel("Strategy", new() { Exact = true }).FillAsync("We turn **reeds** into insulation.");
        await SaveAndContinueAsync(page, "cooperation");
        await SaveAndContinueAsync(page, "programmes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cluster-organisations/{slug}/submit$"));
        Assert.Equal(4, await page.Locator(".checklist li.met").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "check and submit");
        await Artefacts.ScreenshotAsync(page, "manager-2-checklist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for validation" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your profile is submitted");

        // The form reads well on a phone: no sideways scrolling on any step.
        await page.SetViewportSizeAsync(360, 740);
        foreach (var step in new[] { "identity", "general", "focus", "composition", "strategy", "cooperation", "programmes" })
        {
            await page.GotoAsync($"/cluster-organisations/{slug}/edit/{step}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"step {step} scrolls sideways by {overflow}px on a phone");
        }
        await Artefacts.ScreenshotAsync(page, "manager-phone-programmes-step");
        await page.SetViewportSizeAsync(1280, 900);

        // ... and in the dark colour scheme.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        foreach (var path in new[] { $"/cluster-organisations/{slug}/edit/general", $"/cluster-organisations/{slug}/submit" })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page, path + " (dark)");
        }
        await Artefacts.ScreenshotAsync(page, "manager-dark-checklist");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // 3. A moderator (made on the command line, two-factor set up at first sign-in) approves it.
        await using var moderatorTab = await app.OpenTabAsync();
        var moderatorPage = moderatorTab.Page;
        var moderatorWatch = moderatorTab.Watch;
        await app.SignInAsNewModeratorAsync(moderatorPage, $"moderator-{unique.ToLowerInvariant()}@example.org");
        await moderatorPage.GotoAsync("/moderation");
        await Axe.AssertNoViolationsAsync(moderatorPage, "moderation queue");
        await moderatorPage.GetByRole(AriaRole.Link, new() { Name = clusterName }).ClickAsync();
        await Axe.AssertNoViolationsAsync(moderatorPage, "moderation review");
        await Artefacts.ScreenshotAsync(moderatorPage, "moderator-1-review");
        await moderatorPage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve") }).ClickAsync();
        await Assertions.Expect(moderatorPage.Locator("main")).ToContainTextAsync(clusterName);

        // 4. It is in the directory for everyone.
        await using var visitorTab = await app.OpenTabAsync();
        var visitor = visitorTab.Page;
        await visitor.GotoAsync("/cluster-organisations?q=" + unique);
        await Assertions.Expect(visitor.Locator(".result-title a")).ToHaveTextAsync(clusterName);

        // 5. The manager edits the published profile: live at once.
        await page.GotoAsync($"/cluster-organisations/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Short description").FillAsync("Reeds, straw and hemp for greener buildings.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your changes are saved and published.");
        await visitor.GotoAsync($"/cluster-organisations/{slug}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Reeds, straw and hemp for greener buildings.");
        Assert.Equal(0, await visitor.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).CountAsync());

        // 6. ... adds a colleague who has an account.
        var colleague = $"colleague-{unique.ToLowerInvariant()}@example.org";
        await using var colleagueTab = await app.OpenTabAsync();
        var colleaguePage = colleagueTab.Page;
        var colleagueWatch = colleagueTab.Watch;
        await RegisterAccountAsync(colleaguePage, "Cole Colleague", colleague);
        await page.GotoAsync($"/cluster-organisations/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Colleagues", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "colleagues");
        await page.Locator("main form input[type=email]").First.FillAsync(colleague);
        await page.Locator("main form input[type=email]").First.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(colleague);
        await Artefacts.ScreenshotAsync(page, "manager-3-colleagues");

        // 7. The colleague signs in and edits the profile.
        await SignInAsync(colleaguePage, colleague);
        await colleaguePage.GotoAsync($"/cluster-organisations/{slug}");
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await colleaguePage.GetByLabel("Acronym").FillAsync("QBC");
        await colleaguePage.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(colleaguePage.Locator("main")).ToContainTextAsync("Your changes are saved and published.");
        await visitor.GotoAsync($"/cluster-organisations/{slug}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("QBC");

        watch.AssertClean();
        moderatorWatch.AssertClean();
        colleagueWatch.AssertClean();
    }

    private static async Task SaveAndContinueAsync(IPage page, string nextStep)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/edit/{nextStep}\\?saved=true$"));
    }

    private async Task RegisterAccountAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.Locator("#Input_AcceptPrivacyPolicy").CheckAsync();
        await page.Locator("#Input_AcceptTerms").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await page.GotoAsync(await LinkInMailAsync(email, "Confirm your e-mail address", "/account/confirm-email"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your e-mail address is confirmed");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    /// <summary>The path of the link to <paramref name="path"/> in the newest such message, as the person would click it.</summary>
    private async Task<string> LinkInMailAsync(string to, string subject, string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var message = Directory.Exists(app.MailDirectory)
                ? new DirectoryInfo(app.MailDirectory).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc)
                    .Select(f => MimeMessage.Load(f.FullName))
                    .FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => a.Address == to))
                : null;
            if (message is not null)
            {
                var url = Regex.Matches(message.TextBody ?? "", @"https?://\S+").Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == path);
                return url.PathAndQuery;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no message \"{subject}\" to {to}");
    }
}

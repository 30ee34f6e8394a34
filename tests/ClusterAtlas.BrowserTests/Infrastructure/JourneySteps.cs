using System.Text.RegularExpressions;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Steps journeys share: members with published profiles set up directly, signing in through the page, mail read from the pickup folder.</summary>
public static class JourneySteps
{
    public const string Password = "correct horse battery staple";

    /// <summary>A confirmed account administering a published profile, set up directly (the profile journey is tested elsewhere).</summary>
    public static async Task<string> MemberWithPublishedProfileAsync(this BrowserApp app, string email, string name, string profileName, string countryCode = "RS")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var slug = TextFolding.Slug(profileName);
        var profile = new ClusterOrganisation
        {
            Slug = slug, Name = profileName, CountryCode = countryCode, City = countryCode == "RS" ? "Novi Sad" : null, Website = "https://cluster.example.org",
            Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
        };
        profile.Administrators.Add(new ProfileAdministrator { UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
        db.ClusterOrganisations.Add(profile);
        await db.SaveChangesAsync();
        return slug;
    }

    /// <summary>Adds a collaborating cluster, as written, to a profile's stated collaborations (as its editor would save it).</summary>
    public static async Task StateCollaborationAsync(this BrowserApp app, string slug, string partnerName, string partnerCountryCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>();
        var profile = await db.ClusterOrganisations.Include(p => p.CollaboratingClusters).SingleAsync(p => p.Slug == slug);
        profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = partnerName, CountryCode = partnerCountryCode, SortOrder = profile.CollaboratingClusters.Count });
        await db.SaveChangesAsync();
    }

    /// <summary>`users add-moderator` as the command line does it, then the moderator's first sign-in with the authenticator set up.</summary>
    public static async Task SignInAsNewModeratorAsync(this BrowserApp app, IPage page, string email)
    {
        StaffAccountResult created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, AccountRoles.Moderator, CancellationToken.None);
        }
        await page.GotoAsync(new Uri(created.SetPasswordLink).PathAndQuery);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();
        await SignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/setup"));
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Code").FillAsync(ClusterAtlas.Tests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    public static async Task<MimeMessage> MailAsync(this BrowserApp app, string to, string subject)
    {
        // Notification mail is made by a feeder of the outbox and waits for its next round (BrowserApp: every second;
        // the app's default of ten seconds outlasted a count of 100 tries on a loaded CI machine). A minute, by the clock.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            var message = Directory.Exists(app.MailDirectory)
                ? new DirectoryInfo(app.MailDirectory).GetFiles("*.eml")
                    .Select(f => MimeMessage.Load(f.FullName))
                    .FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => a.Address == to))
                : null;
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no message \"{subject}\" to {to}");
    }
}

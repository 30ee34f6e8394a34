using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>The administrators' accounts pages: finding an account, locking and unlocking it, granting and removing roles, each in the audit log.</summary>
public sealed class AdminUsersTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Administrators_find_accounts_by_address_or_name_page_by_page_from_the_staff_menu()
    {
        var marker = Moderation.ModerationScenario.UniqueWord();
        await app.WithServiceAsync<UserManager<ApplicationUser>, int>(async users =>
        {
            for (var i = 0; i < 55; i++)
            {
                var email = $"{marker}-{i:00}@example.org";
                var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = $"Listed {i:00}", CreatedAt = DateTimeOffset.UtcNow });
                Assert.True(created.Succeeded);
            }
            return 0;
        });
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator);

        var moderation = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.NotNull(moderation.QuerySelector("nav.moderation-nav a[href='/admin/users']"));
        var first = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri($"/admin/users?q={marker.ToUpperInvariant()}", UriKind.Relative)));
        var emails = first.QuerySelectorAll("table.accounts-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(50, emails.Count);
        Assert.Equal($"{marker}-00@example.org", emails[0]);
        Assert.Equal($"/admin/users?q={marker.ToUpperInvariant()}&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var second = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri($"/admin/users?q={marker}&page=2", UriKind.Relative)));
        Assert.Equal(5, second.QuerySelectorAll("table.accounts-table tbody tr").Length);
        var byName = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri("/admin/users?q=listed+07", UriKind.Relative)));
        var link = Assert.Single(byName.QuerySelectorAll("table.accounts-table tbody tr td:first-child a"));
        // The count in words: one account, many accounts.
        Assert.Contains(byName.QuerySelectorAll("main p"), p => p.TextContent.Trim() == "1 account.");
        Assert.Contains(first.QuerySelectorAll("main p"), p => p.TextContent.Trim() == "55 accounts.");
        using var account = await administrator.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains($"{marker}-07@example.org", (await ClusterAtlasFactory.ParseAsync(await account.Content.ReadAsStringAsync())).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_loses_its_sessions_and_cannot_sign_in_until_it_is_unlocked_each_with_a_reason_in_the_audit_log()
    {
        var memberEmail = ClusterAtlasFactory.NewEmail();
        using var member = await app.RegisterAndSignInAsync(memberEmail);
        var memberId = await Profiles.ProfileScenarios.UserIdAsync(app, memberEmail);
        var adminEmail = ClusterAtlasFactory.NewEmail();
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator, adminEmail);
        var url = $"/admin/users/{memberId}";
        using (var signedIn = await member.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using (var noReason = await administrator.SubmitFormAsync(url, new() { ["Reason"] = "" }, "form[action*='handler=Lock']"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.StartsWith("Give the reason", (await ClusterAtlasFactory.FieldErrorsAsync(noReason))["Reason"], StringComparison.Ordinal);
        }
        using (var locked = await administrator.SubmitFormAsync(url, new() { ["Reason"] = "Posts spam into profiles." }, "form[action*='handler=Lock']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
            var page = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri(locked.Headers.Location!.PathAndQuery(), UriKind.Relative)));
            Assert.Contains("The account is locked", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Locked by an administrator", page.QuerySelector(".review-facts")!.TextContent, StringComparison.Ordinal);
        }

        // The session the member had ends at its next request, and signing in again is refused.
        using (var after = await member.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
        using (var browser = app.CreateBrowser())
        using (var refused = await ClusterAtlasFactory.SubmitLoginAsync(browser, memberEmail))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }
        var entry = await LatestEntryAsync(memberEmail);
        Assert.Equal(ModerationActionKind.AccountLocked, entry.Action);
        Assert.Equal("Posts spam into profiles.", entry.Detail);
        Assert.Contains(adminEmail, entry.ModeratorName, StringComparison.Ordinal);
        Assert.Null(entry.ClusterOrganisationId);

        using (var unlocked = await administrator.SubmitFormAsync(url, new() { ["Reason"] = "Promised to stop." }, "form[action*='handler=Unlock']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }
        using (var again = await app.SignInAsync(memberEmail))
        using (var open = await again.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }
        entry = await LatestEntryAsync(memberEmail);
        Assert.Equal((ModerationActionKind.AccountUnlocked, "Promised to stop."), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task Roles_are_granted_and_removed_at_once_and_audited_but_no_administrator_locks_themselves_or_drops_their_own_role()
    {
        var personEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(personEmail);
        var personId = await Profiles.ProfileScenarios.UserIdAsync(app, personEmail);
        var adminEmail = ClusterAtlasFactory.NewEmail();
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator, adminEmail);
        var url = $"/admin/users/{personId}";
        var grantModerator = $"form[action*='handler=Grant']:has(input[name=role][value={AccountRoles.Moderator}])";

        using (var granted = await administrator.SubmitFormAsync(url, [], grantModerator))
        {
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        }
        Assert.True(await InRoleAsync(personEmail, AccountRoles.Moderator));
        Assert.Equal((ModerationActionKind.RoleGranted, "Moderator"), await LatestAsync(personEmail));

        // The new moderator must set up two-factor authentication before the moderation pages open.
        using var person = await app.SignInAsync(personEmail);
        using (var queue = await person.GetAsync(new Uri("/moderation", UriKind.Relative)))
        {
            Assert.StartsWith("/account/two-factor/setup?required=true", queue.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        var page = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri(url, UriKind.Relative)));
        using (var removed = await administrator.PostFormAsync(page.QuerySelector("form[action*='handler=RemoveRole']")!, new Uri(url, UriKind.Relative), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        Assert.False(await InRoleAsync(personEmail, AccountRoles.Moderator));
        Assert.Equal((ModerationActionKind.RoleRemoved, "Moderator"), await LatestAsync(personEmail));
        // The session that had the role ends; signed in again, the person is a member like any other.
        using (var queue = await person.GetAsync(new Uri("/moderation", UriKind.Relative)))
        {
            Assert.StartsWith("/account/login", queue.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
        using (var again = await app.SignInAsync(personEmail))
        using (var queue = await again.GetAsync(new Uri("/moderation", UriKind.Relative)))
        {
            Assert.StartsWith("/account/access-denied", queue.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        // On their own page: no lock form, the administrator role's button disabled, and forged posts refused with the reason.
        var adminId = await Profiles.ProfileScenarios.UserIdAsync(app, adminEmail);
        var own = $"/admin/users/{adminId}";
        var ownPage = await ClusterAtlasFactory.ParseAsync(await administrator.GetStringAsync(new Uri(own, UriKind.Relative)));
        Assert.Null(ownPage.QuerySelector("form[action*='handler=Lock']"));
        Assert.True(ownPage.QuerySelector($"form[action*='handler=RemoveRole']:has(input[value={AccountRoles.Administrator}]) button")!.HasAttribute("disabled"));
        using (var lockSelf = await Moderation.ModerationScenario.PostWithTokenAsync(administrator, own, own + "?handler=Lock", new() { ["Reason"] = "Testing." }))
        {
            Assert.Contains("You cannot lock your own account.", await ClusterAtlasFactory.MainTextAsync(lockSelf), StringComparison.Ordinal);
        }
        using (var dropOwn = await Moderation.ModerationScenario.PostWithTokenAsync(administrator, own, own + "?handler=RemoveRole", new() { ["role"] = AccountRoles.Administrator }))
        {
            Assert.Contains("You cannot remove your own administrator role", await ClusterAtlasFactory.MainTextAsync(dropOwn), StringComparison.Ordinal);
        }
        Assert.True(await InRoleAsync(adminEmail, AccountRoles.Administrator));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.Email == adminEmail).Select(u => u.LockoutEnd == null ? 0 : 1).SingleAsync()));
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role()
    {
        await using var fresh = new EmptyDatabaseFactory();
        var onlyEmail = ClusterAtlasFactory.NewEmail();
        await fresh.AddStaffAsync(onlyEmail, AccountRoles.Administrator);
        var otherEmail = ClusterAtlasFactory.NewEmail();
        await fresh.AddStaffAsync(otherEmail, AccountRoles.Moderator);

        // Only reachable by a race of two administrators removing each other: asked by someone who is not the last one.
        var result = await fresh.WithServiceAsync<AccountAdministration, AccountChangeResult>(async administration =>
        {
            var only = (await administration.FindAsync(await Profiles.ProfileScenarios.UserIdAsync(fresh, onlyEmail)))!;
            var other = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, await Profiles.ProfileScenarios.UserIdAsync(fresh, otherEmail))], "test"));
            return await administration.RemoveRoleAsync(only, AccountRoles.Administrator, other, CancellationToken.None);
        });

        Assert.Equal("This is the last administrator: make someone else an administrator first.", result.Error);
        Assert.Single(await fresh.WithServiceAsync<UserManager<ApplicationUser>, IList<ApplicationUser>>(users => users.GetUsersInRoleAsync(AccountRoles.Administrator)));
    }

    [Fact]
    public async Task The_accounts_pages_are_valid_html()
    {
        var memberEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(memberEmail);
        var memberId = await Profiles.ProfileScenarios.UserIdAsync(app, memberEmail);
        using var administrator = await app.SignInAsStaffAsync(AccountRoles.Administrator);
        foreach (var url in new[] { "/admin/users", "/admin/users?q=nobody-at-all", $"/admin/users/{memberId}", $"/admin/users/{memberId}?done=locked" })
        {
            using var response = await administrator.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
        }
        using var noReason = await administrator.SubmitFormAsync($"/admin/users/{memberId}", [], "form[action*='handler=Lock']");
        await HtmlValidator.AssertValidAsync(await noReason.Content.ReadAsStringAsync(), "lock without a reason");
        using (await administrator.SubmitFormAsync($"/admin/users/{memberId}", new() { ["Reason"] = "Checking the page." }, "form[action*='handler=Lock']"))
        {
        }
        using var locked = await administrator.GetAsync(new Uri($"/admin/users/{memberId}", UriKind.Relative));
        await HtmlValidator.AssertValidAsync(await locked.Content.ReadAsStringAsync(), "a locked account");
        using var missing = await administrator.GetAsync(new Uri("/admin/users/no-such-account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_moderator_may_not_open_the_accounts_pages()
    {
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var response = await moderator.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var queue = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.Null(queue.QuerySelector("a[href='/admin/users']"));
    }

    private Task<ModerationAction> LatestEntryAsync(string email) => app.WithDbAsync(db =>
        db.ModerationActions.AsNoTracking().Where(a => a.ProfileName.Contains(email)).OrderByDescending(a => a.Id).FirstAsync());

    private async Task<(ModerationActionKind, string?)> LatestAsync(string email)
    {
        var entry = await LatestEntryAsync(email);
        return (entry.Action, entry.Detail);
    }

    private Task<bool> InRoleAsync(string email, string role) =>
        app.WithServiceAsync<UserManager<ApplicationUser>, bool>(async users => await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role));
}

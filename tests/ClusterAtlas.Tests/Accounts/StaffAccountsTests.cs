using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>What `users add-admin EMAIL` and `users add-moderator EMAIL` do (through the service the commands call).</summary>
public sealed class StaffAccountsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Add_admin_creates_a_confirmed_administrator_without_a_password_and_a_one_time_link()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var result = await app.WithServiceAsync<StaffAccounts, StaffAccountResult>(staff => staff.AddAsync(email, AccountRoles.Administrator, CancellationToken.None));

        Assert.True(result.Created);
        Assert.StartsWith("http://localhost:5000/account/set-password?userId=", result.SetPasswordLink, StringComparison.Ordinal);
        Assert.InRange(result.LinkValidUntil, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        var (user, roles) = await UserAsync(email);
        Assert.Null(user.PasswordHash);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([AccountRoles.Administrator], roles);

        using var browser = app.CreateBrowser();
        var link = ClusterAtlasFactory.PathOf(result.SetPasswordLink);
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(link));
        Assert.Equal("Set your password", page.QuerySelector("h1")?.TextContent.Trim());
        var fields = new Dictionary<string, string> { ["Input.Password"] = ClusterAtlasFactory.Password, ["Input.ConfirmPassword"] = ClusterAtlasFactory.Password };
        using var set = await browser.SubmitFormAsync(link, fields);
        Assert.Contains("Your password is set", await ClusterAtlasFactory.MainTextAsync(set), StringComparison.Ordinal);
        using var reused = await browser.SubmitFormAsync(link, fields);
        Assert.Contains("This link is no longer valid", await ClusterAtlasFactory.MainTextAsync(reused), StringComparison.Ordinal);

        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Add_moderator_gives_an_existing_member_the_role_and_keeps_their_password()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        var result = await app.WithServiceAsync<StaffAccounts, StaffAccountResult>(staff => staff.AddAsync(email, AccountRoles.Moderator, CancellationToken.None));

        Assert.False(result.Created);
        var (user, roles) = await UserAsync(email);
        Assert.NotNull(user.PasswordHash);
        Assert.Equal([AccountRoles.Moderator], roles);
        using var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email);
        Assert.StartsWith("/account/two-factor/setup", signedIn.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("someone@localhost")]
    public async Task Add_admin_refuses_what_is_not_an_e_mail_address(string email)
    {
        await Assert.ThrowsAsync<StaffAccountException>(() =>
            app.WithServiceAsync<StaffAccounts, StaffAccountResult>(staff => staff.AddAsync(email, AccountRoles.Administrator, CancellationToken.None)));
    }

    private Task<(ApplicationUser User, IList<string> Roles)> UserAsync(string email) =>
        app.WithServiceAsync<UserManager<ApplicationUser>, (ApplicationUser, IList<string>)>(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            return (user, await users.GetRolesAsync(user));
        });
}

using System.Net;
using System.Text.Json;
using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>The person's own data: download, change of e-mail address, deletion.</summary>
public sealed class AccountDataTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Download_holds_the_persons_data_and_nothing_of_others()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var other = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(other);
        using var browser = await app.RegisterAndSignInAsync(email);
        await MakeAdministratorOfTheDemoProfileAsync(email);

        using var response = await browser.SubmitFormAsync("/account/personal-data", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var account = json.RootElement.GetProperty("Account");
        Assert.Equal(email, account.GetProperty("Email").GetString());
        Assert.Equal("Ana Test", account.GetProperty("DisplayName").GetString());
        Assert.Equal(JsonValueKind.String, account.GetProperty("PrivacyPolicyAcceptedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, account.GetProperty("TermsAcceptedAt").ValueKind);
        Assert.Equal(SeedPage.Slug, json.RootElement.GetProperty("AdministeredProfiles")[0].GetProperty("Slug").GetString());
    }

    [Fact]
    public async Task Delete_the_account_after_entering_the_password()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        await MakeAdministratorOfTheDemoProfileAsync(email);

        using var wrong = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = "not my password" });
        Assert.Equal("The password is not correct.", (await ClusterAtlasFactory.FieldErrorsAsync(wrong))["Password"]);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        using var deleted = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = ClusterAtlasFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        // The profile stays; its administration by the deleted account goes.
        Assert.True(await app.WithDbAsync(db => db.ClusterOrganisations.AnyAsync(p => p.Slug == SeedPage.Slug)));
        Assert.False(await app.WithDbAsync(db => db.ProfileAdministrators.AnyAsync(a => a.User.Email == email)));
        using var account = await browser.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        using var signIn = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task The_only_administrator_cannot_delete_their_account()
    {
        await using var alone = new EmptyDatabaseFactory();
        var email = ClusterAtlasFactory.NewEmail();
        await alone.AddStaffAsync(email, AccountRoles.Administrator);
        using var browser = await alone.SignInAsync(email);

        using var refused = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = ClusterAtlasFactory.Password });
        Assert.Contains("You are the only administrator", await ClusterAtlasFactory.MainTextAsync(refused), StringComparison.Ordinal);
        Assert.True(await alone.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Change_the_e_mail_address_through_a_link_sent_to_the_new_one()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var newEmail = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);

        using var asked = await browser.SubmitFormAsync("/account/email", new() { ["NewEmail"] = newEmail, ["CurrentPassword"] = ClusterAtlasFactory.Password });
        Assert.Contains("We sent a link to " + newEmail, await ClusterAtlasFactory.MainTextAsync(asked), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var link = ClusterAtlasFactory.LinkIn(await app.LatestMailAsync(newEmail, "Confirm your new e-mail address"), "/account/confirm-email-change");
        using var changed = await browser.GetAsync(link);
        Assert.Contains("Your e-mail address is changed", await ClusterAtlasFactory.MainTextAsync(changed), StringComparison.Ordinal);
        await app.LatestMailAsync(email, "Your e-mail address was changed");

        using var withNew = await app.SignInAsync(newEmail);
        using var withOld = await ClusterAtlasFactory.SubmitLoginAsync(app.CreateBrowser(), email);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
    }

    [Fact]
    public async Task The_history_keeps_a_deleted_persons_changes_but_not_their_name_and_the_download_lists_them()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        await MakeAdministratorOfTheDemoProfileAsync(email);
        using var saved = await browser.SubmitFormAsync($"/cluster-organisations/{SeedPage.Slug}/edit/identity", new() { ["Form.Acronym"] = "VMC-X" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var download = await browser.SubmitFormAsync("/account/personal-data", []);
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var change = json.RootElement.GetProperty("ProfileChanges")[0];
            Assert.Equal(SeedPage.Slug, change.GetProperty("Profile").GetString());
            Assert.Equal("Acronym", change.GetProperty("ChangedFields").GetString());
        }

        using var deleted = await browser.SubmitFormAsync("/account/delete", new() { ["Password"] = ClusterAtlasFactory.Password });
        var revision = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == SeedPage.Slug).OrderBy(r => r.Id).LastAsync());
        Assert.Null(revision.AuthorUserId);
        Assert.Equal("(deleted account)", revision.AuthorName);
        Assert.Contains("VMC-X", revision.AfterJson, StringComparison.Ordinal);
        Assert.Equal("VMC-X", await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == SeedPage.Slug).Select(p => p.Acronym).SingleAsync()));
    }

    private Task<int> MakeAdministratorOfTheDemoProfileAsync(string email) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
}

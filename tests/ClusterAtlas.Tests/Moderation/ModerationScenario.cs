using System.Globalization;
using System.Net;
using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Moderation;

/// <summary>A profile made for a test: its id, address, and the e-mail of its administrator (who can sign in with the test password).</summary>
public sealed record TestProfile(int Id, string Slug, string Name, string AdministratorEmail);

/// <summary>What the moderation tests set up: members with profiles in the queue, edits of published profiles, form posts.</summary>
public static class ModerationScenario
{
    /// <summary>
    /// A profile registered by a new member and submitted for validation, through the editor as the pages use it.
    /// It meets every criterion unless <paramref name="meetsCriteria"/> is false (then it meets only the website
    /// criterion); <paramref name="programme"/> names a national cluster programme.
    /// </summary>
    public static async Task<TestProfile> SubmittedProfileAsync(this ClusterAtlasFactory app, string name, bool meetsCriteria = true, string? programme = null,
        string description = "Makers of things, working together.")
    {
        var email = ClusterAtlasFactory.NewEmail();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principal = await NewMemberAsync(services, email);
        var db = services.GetRequiredService<ClusterAtlasDbContext>();
        var sector = await db.VocabularyTerms.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var form = new ProfileForm
        {
            [nameof(ClusterOrganisation.Name)] = name,
            [nameof(ClusterOrganisation.ShortDescription)] = description,
            [nameof(ClusterOrganisation.Website)] = "https://cluster.example.org",
            [nameof(ClusterOrganisation.CountryCode)] = "RS",
            [nameof(ClusterOrganisation.City)] = "Novi Sad",
            SectoralIndustries = [sector],
        };
        if (meetsCriteria)
        {
            form[nameof(ClusterOrganisation.ManagementTeamFte)] = 1.5m;
            form[nameof(ClusterOrganisation.TotalMembers)] = 40;
            form[nameof(ClusterOrganisation.SmeMembers)] = 30;
            form[nameof(ClusterOrganisation.ResearchOrganisationMembers)] = 5;
        }
        if (programme is not null)
        {
            form.SupportProgrammes = [new ProgrammeRow { Name = programme, Level = SupportProgrammeLevel.National }];
        }
        var editor = services.GetRequiredService<ProfileEditor>();
        var profile = await editor.CreateDraftAsync(form, principal, CancellationToken.None);
        await editor.SubmitAsync(profile, CancellationToken.None);
        return new TestProfile(profile.Id, profile.Slug, profile.Name, email);
    }

    /// <summary>The profile's administrator saves a change, as the edit page does.</summary>
    public static async Task<ProfileRevision> EditAsync(this ClusterAtlasFactory app, TestProfile profile, Action<ProfileForm> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(profile.AdministratorEmail))!;
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var editor = services.GetRequiredService<ProfileEditor>();
        var stored = (await editor.FindAsync(profile.Id, CancellationToken.None))!;
        var form = editor.FormOf(stored);
        change(form);
        var outcome = await editor.SaveAsync(stored, form, stored.ConcurrencyToken, principal, CancellationToken.None);
        return Assert.IsType<SaveOutcome.Saved>(outcome).Revision ?? throw new Xunit.Sdk.XunitException("the edit changed nothing");
    }

    /// <summary>Publishes through the review page, as a moderator does.</summary>
    public static async Task ApproveAsync(HttpClient moderator, TestProfile profile, bool waive = false)
    {
        using var response = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}",
            waive ? new() { ["WaiveCriteria"] = "true" } : [], ApproveForm);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"approval answered {(int)response.StatusCode}: {await ClusterAtlasFactory.MainTextAsync(response)}");
    }

    /// <summary>
    /// Reverts a change as a moderator does: opens its confirmation page (with only <paramref name="fields"/> ticked, when
    /// given; else every field), gives the reason and confirms. Returns the answer to the confirmation.
    /// </summary>
    public static async Task<HttpResponseMessage> RevertAsync(HttpClient moderator, long revisionId, string reason, params string[] fields)
    {
        var url = $"/moderation/edits/{revisionId}/revert" + (fields.Length == 0 ? "" : "?" + string.Join("&", fields.Select(f => "field=" + f)));
        return await moderator.SubmitFormAsync(url, new() { ["Reason"] = reason });
    }

    public static async Task<HttpResponseMessage> RevertedAsync(HttpClient moderator, long revisionId, string reason, params string[] fields)
    {
        var response = await RevertAsync(moderator, revisionId, reason, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"revert answered {(int)response.StatusCode}: {await ClusterAtlasFactory.MainTextAsync(response)}");
        return response;
    }

    public const string ApproveForm = "main form[action*='handler=Approve']";
    public const string RejectForm = "main form[action*='handler=Reject']";

    /// <summary>
    /// Posts to a page handler as a browser that has the page open but no form for it would: with the antiforgery token
    /// of any form on <paramref name="pageUrl"/> (the sign-out button has one), and <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient browser, string pageUrl, string target, Dictionary<string, string> fields)
    {
        using var get = await browser.GetAsync(new Uri(pageUrl, UriKind.Relative));
        var page = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
        var values = new Dictionary<string, string>(fields);
        if (page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            values["__RequestVerificationToken"] = token;
        }
        using var content = new FormUrlEncodedContent(values);
        return await browser.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static Task<ClusterOrganisation> StoredAsync(this ClusterAtlasFactory app, int id) =>
        app.WithDbAsync(db => db.ClusterOrganisations.AsNoTracking().SingleAsync(p => p.Id == id));

    public static Task<List<ClusterAtlas.Moderation.ModerationAction>> ActionsAsync(this ClusterAtlasFactory app, int profileId) =>
        app.WithDbAsync(db => db.ModerationActions.AsNoTracking().Where(a => a.ClusterOrganisationId == profileId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>A word no other profile has, for finding a profile by search.</summary>
    public static string UniqueWord() =>
        "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<ClaimsPrincipal> NewMemberAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Profile Administrator", CreatedAt = DateTimeOffset.UtcNow,
            PrivacyPolicyAcceptedAt = DateTimeOffset.UtcNow, TermsAcceptedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, ClusterAtlasFactory.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }
}

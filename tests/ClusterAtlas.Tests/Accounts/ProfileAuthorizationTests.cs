using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>"May this user edit this profile?" as the editing pages will ask it, through IAuthorizationService.</summary>
public sealed class ProfileAuthorizationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Profile_administrators_and_staff_with_two_factor_may_edit_others_may_not()
    {
        var administrator = await MemberAsync();
        var otherMember = await MemberAsync();
        var moderator = await MemberAsync(AccountRoles.Moderator, twoFactor: true);
        var moderatorWithoutTwoFactor = await MemberAsync(AccountRoles.Moderator, twoFactor: false);
        var platformAdministrator = await MemberAsync(AccountRoles.Administrator, twoFactor: true);
        var profileId = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            var user = await db.Users.SingleAsync(u => u.Email == administrator);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return profile.Id;
        });

        Assert.True(await MayEditAsync(administrator, profileId));
        Assert.False(await MayEditAsync(otherMember, profileId));
        Assert.True(await MayEditAsync(moderator, profileId));
        Assert.False(await MayEditAsync(moderatorWithoutTwoFactor, profileId));
        Assert.True(await MayEditAsync(platformAdministrator, profileId));
        Assert.False(await MayEditAsync(null, profileId));
    }

    [Fact]
    public async Task Adding_a_profile_administrator_does_not_change_the_profile()
    {
        var email = await MemberAsync();
        var (updatedAt, token) = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var before = (profile.UpdatedAt, profile.ConcurrencyToken);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisation = profile, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return before;
        });
        var after = await app.WithDbAsync(db => db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug));
        Assert.Equal(updatedAt, after.UpdatedAt);
        Assert.Equal(token, after.ConcurrencyToken);
    }

    private async Task<string> MemberAsync(string? role = null, bool twoFactor = false)
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.WithServiceAsync<UserManager<ApplicationUser>, bool>(async users =>
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test", TwoFactorEnabled = twoFactor, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            return true;
        });
        if (role is not null)
        {
            await app.WithServiceAsync<StaffAccounts, StaffAccountResult>(staff => staff.AddAsync(email, role, CancellationToken.None));
        }
        return email;
    }

    /// <summary>Asks as a request would: with the principal Identity makes for the user at sign-in.</summary>
    private async Task<bool> MayEditAsync(string? email, int profileId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
            principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        }
        var profile = await services.GetRequiredService<ClusterAtlas.Data.ClusterAtlasDbContext>().ClusterOrganisations.SingleAsync(p => p.Id == profileId);
        return await services.GetRequiredService<IAuthorizationService>().MayEditAsync(principal, profile);
    }
}

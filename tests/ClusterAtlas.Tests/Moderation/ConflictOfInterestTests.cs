using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;

namespace ClusterAtlas.Tests.Moderation;

/// <summary>No one decides on their own profile: a moderator who administers a profile can neither publish nor reject it.</summary>
public sealed class ConflictOfInterestTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_moderator_cannot_publish_or_reject_a_profile_they_administer()
    {
        var profile = await app.SubmittedProfileAsync($"Own {ModerationScenario.UniqueWord()} Cluster");
        var email = ClusterAtlasFactory.NewEmail();
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator, email);
        var moderatorId = await app.UserIdAsync(email);
        await app.WithDbAsync(async db =>
        {
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = moderatorId, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var approved = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", [], ModerationScenario.ApproveForm);
        using var rejected = await moderator.SubmitFormAsync($"/moderation/profiles/{profile.Id}", new() { ["Reason"] = "Not mine to judge" }, "main form[action*='handler=Reject']");

        foreach (var answer in new[] { approved, rejected })
        {
            Assert.Contains("another moderator must decide", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(ProfileStatus.Submitted, (await app.StoredAsync(profile.Id)).Status);
        Assert.Empty(await app.ActionsAsync(profile.Id));
    }
}

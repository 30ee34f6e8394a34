using ClusterAtlas.Accounts;
using ClusterAtlas.Mail;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Moderation.ModerationScenario;

namespace ClusterAtlas.Tests.Mail;

/// <summary>
/// Moderation's and colleagues' mail goes through the outbox table, saved with the decision or the change of
/// administrators it tells of (decision 0015), and is then delivered by the worker.
/// </summary>
public sealed class EventMailOutboxTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private Task<List<OutboxMessage>> OutboxToAsync(string email) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ToAddress == email).ToListAsync());

    [Fact]
    public async Task Publishing_and_rejecting_queue_their_mail_in_the_outbox()
    {
        var published = await app.SubmittedProfileAsync("Outbox Published Cluster");
        var rejected = await app.SubmittedProfileAsync("Outbox Rejected Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);

        using var approval = await moderator.SubmitFormAsync($"/moderation/profiles/{published.Id}", [], ApproveForm);
        using var rejection = await moderator.SubmitFormAsync($"/moderation/profiles/{rejected.Id}", new() { ["Reason"] = "No website of its own." }, RejectForm);

        Assert.Equal("Your cluster profile is published", Assert.Single(await OutboxToAsync(published.AdministratorEmail)).Subject);
        Assert.Equal("Your cluster profile was not published", Assert.Single(await OutboxToAsync(rejected.AdministratorEmail)).Subject);
        await app.AllMailSentAsync();
        await app.LatestMailAsync(published.AdministratorEmail, "Your cluster profile is published");
    }

    [Fact]
    public async Task An_added_colleagues_mail_is_queued_in_the_outbox()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await Profiles.ProfileScenarios.RegisterProfileAsync(owner, "Outbox Colleague Cluster");
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleagueEmail);

        using var added = await owner.SubmitFormAsync($"/cluster-organisations/{slug}/colleagues", new() { ["ColleagueEmail"] = colleagueEmail }, "form.add-colleague");

        var queued = (await OutboxToAsync(colleagueEmail)).Where(m => m.Subject.StartsWith("You can now edit", StringComparison.Ordinal));
        Assert.Equal("You can now edit Outbox Colleague Cluster on ClusterAtlas", Assert.Single(queued).Subject);
    }
}

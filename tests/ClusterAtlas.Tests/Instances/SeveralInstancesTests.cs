using System.Net;
using ClusterAtlas.Instances;
using ClusterAtlas.Network;
using ClusterAtlas.Notifications;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using ClusterAtlas.Tests.Profiles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClusterAtlas.Tests.Instances;

/// <summary>
/// Two instances of the platform on one PostgreSQL database, as behind a load balancer: a sign-in and a form's token made
/// by one are accepted by the other, a write on one shows at once on the other's cached pages and in its directory, and
/// background work is done once (docs/decisions/0028-several-instances.md).
/// </summary>
public sealed class SeveralInstancesTests
{
    /// <summary>How long "at once" may take: the notice crossing the database. Without it the cached page would stay a minute.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(3);

    /// <summary>Another instance on the first one's database (and data folder, which only holds the mail written as files).</summary>
    private sealed class OtherInstance(ClusterAtlasFactory first, TimeSpan? deadlineChecks = null) : ClusterAtlasFactory(first)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (deadlineChecks is { } interval)
            {
                builder.UseSetting("ClusterAtlas:PartnerSearch:DeadlineCheckInterval", interval.ToString());
            }
        }
    }

    private sealed class FirstInstance(TimeSpan deadlineChecks) : ClusterAtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:PartnerSearch:DeadlineCheckInterval", deadlineChecks.ToString());
        }
    }

    [PostgresFact("several instances share one database server; SQLite is one instance by design")]
    public async Task Signed_in_on_one_instance_a_member_edits_on_the_other_and_the_first_ones_cached_pages_show_it_at_once()
    {
        await using var one = new ClusterAtlasFactory();
        await using var two = new OtherInstance(one) { KeepDataOnDispose = true };
        _ = one.Server;
        _ = two.Server;
        // One browser: the same cookies go to whichever instance the load balancer picks.
        var cookies = new CookieContainer();
        using var onOne = one.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onTwo = two.CreateDefaultClient(new CookieContainerHandler(cookies));
        var email = ClusterAtlasFactory.NewEmail();
        await one.RegisterAndConfirmAsync(email);
        using (var signedIn = await ClusterAtlasFactory.SubmitLoginAsync(onOne, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // Signed in by the first, the member registers a profile on the second (its form, its token, the first's cookie).
        var slug = await ProfileScenarios.RegisterProfileAsync(onTwo, "Twin Instances Cluster");
        await one.PublishAsync(slug);

        // An anonymous reader of the first instance: the profile page and a search for the coming name are stored.
        var word = "Zweiinstanz" + Guid.NewGuid().ToString("N")[..8];
        using var reader = one.CreateClient();
        var profileUrl = $"/cluster-organisations/{slug}";
        var searchUrl = $"/cluster-organisations?q={word}";
        Assert.DoesNotContain(word, await CachedTextAsync(reader, profileUrl), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, await CachedTextAsync(reader, searchUrl), StringComparison.Ordinal);

        // Both networks as they are; then a link no matching makes, on another profile: a match of every collaboration
        // (which a write on the other instance once set off) would remove it.
        await one.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        await two.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        var stray = await AddStrayLinkAsync(one, "vojvodina-metal-cluster", slug);

        // The edit form opened on the first instance (its antiforgery token) is posted to the second.
        var editUrl = new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative);
        using var form = await onOne.GetAsync(editUrl);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await form.Content.ReadAsStringAsync());
        using (var saved = await onTwo.PostFormAsync(page.QuerySelector("main form[method=post]")!, editUrl, new() { ["Form.Name"] = $"Twin Instances Cluster {word}" }))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"the edit posted to the other instance answered {(int)saved.StatusCode}");
            Assert.Contains("saved=true", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The first instance's cached answers give way at once, its directory finds the new name.
        await EventuallyAsync(async () => (await TextAsync(reader, profileUrl)).Contains(word, StringComparison.Ordinal), "the first instance's profile page shows the edit");
        await EventuallyAsync(async () => (await TextAsync(reader, searchUrl)).Contains($"/cluster-organisations/{slug}\"", StringComparison.Ordinal), "the first instance's directory finds the edited name");
        Assert.Contains(word, await CachedTextAsync(reader, profileUrl), StringComparison.Ordinal);

        // The second instance matched the edit in its write; the first rebuilds its network without matching anything again.
        var network = await one.Services.GetRequiredService<NetworkIndex>().CurrentAsync(CancellationToken.None, fresh: true);
        Assert.Contains(network.Profiles, p => p.Slug == slug && p.Name.Contains(word, StringComparison.Ordinal));
        Assert.True(await one.WithDbAsync(db => db.Set<NetworkLink>().AnyAsync(l => l.Id == stray)), "the first instance matched every collaboration again after the other's write");
    }

    [PostgresFact("several instances share one database server; SQLite is one instance by design")]
    public async Task A_reminder_due_is_sent_once_though_both_instances_check_the_deadlines_all_the_time()
    {
        var often = TimeSpan.FromSeconds(1); // the shortest interval the setting takes
        await using var one = new FirstInstance(often);
        await using var two = new OtherInstance(one, often) { KeepDataOnDispose = true };
        _ = one.Server;
        _ = two.Server;
        var member = await one.MemberWithPublishedProfileAsync("Twice Checked Cluster");
        var posting = await member.PostPostingAsync("Closes in three days", extra: ("Form.Deadline", PartnerSearchScenarios.Date(3)));

        await EventuallyAsync(async () => (await one.PostingAsync(posting)).ReminderSentAt is not null, "an instance claims the reminder", often * 3);
        await one.LatestMailAsync(member.Email, "Your partner search “Closes in three days” closes soon");
        await Task.Delay(often * 2.5); // both instances check again, twice: nothing is sent twice
        await one.AllMailSentAsync();
        Assert.Single(one.MailTo(member.Email), m => (m.Subject ?? "").Contains("closes soon", StringComparison.Ordinal));
        var userId = await one.UserIdAsync(member.Email);
        Assert.Equal(1, await one.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == userId && n.Kind == NotificationKind.DeadlineReminder)));
    }

    [PostgresFact("several instances share one database server; SQLite is one instance by design")]
    public async Task When_the_database_drops_the_listening_connections_the_instances_listen_again_by_themselves()
    {
        await using var one = new ClusterAtlasFactory();
        await using var two = new OtherInstance(one) { KeepDataOnDispose = true };
        _ = one.Server;
        _ = two.Server;
        using var reader = one.CreateClient();
        const string profileUrl = "/cluster-organisations/vojvodina-metal-cluster";
        await CachedTextAsync(reader, profileUrl);

        // As a database restart does: every instance's listening connection is cut.
        var connectionString = one.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        await using (var database = new NpgsqlConnection(connectionString))
        {
            await database.OpenAsync();
            await using var cut = new NpgsqlCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {ChangeBroadcast.Channel}'", database);
            Assert.Equal(2L, await cut.ExecuteScalarAsync());
        }
        // A write while the first may not be listening: its notice may be lost, so the first treats everything as changed once it listens again.
        var first = "Vojvodina Metal Cluster " + Guid.NewGuid().ToString("N")[..8];
        await RenameDemoProfileAsync(two, first);
        await EventuallyAsync(async () => (await TextAsync(reader, profileUrl)).Contains(first, StringComparison.Ordinal), "the first instance shows a write made while it reconnected", TimeSpan.FromSeconds(10));

        // Listening again, it hears the next write at once.
        await EventuallyAsync(async () => await ListenersAsync(connectionString) == 2, "both instances listen again", TimeSpan.FromSeconds(10));
        Assert.Contains(first, await CachedTextAsync(reader, profileUrl), StringComparison.Ordinal);
        var second = "Vojvodina Metal Cluster " + Guid.NewGuid().ToString("N")[..8];
        await RenameDemoProfileAsync(two, second);
        await EventuallyAsync(async () => (await TextAsync(reader, profileUrl)).Contains(second, StringComparison.Ordinal), "the first instance shows the next write");
    }

    private static Task<long> AddStrayLinkAsync(ClusterAtlasFactory instance, string ownerSlug, string partnerSlug) => instance.WithDbAsync(async db =>
    {
        var link = new NetworkLink
        {
            ProfileId = await db.ClusterOrganisations.Where(p => p.Slug == ownerSlug).Select(p => p.Id).SingleAsync(),
            PartnerKey = NetworkLink.PartnerKeyOf("Never Stated Partner Cluster", "RS"), PartnerName = "Never Stated Partner Cluster",
            PartnerProfileId = await db.ClusterOrganisations.Where(p => p.Slug == partnerSlug).Select(p => p.Id).SingleAsync(),
            Score = 1, State = LinkState.Sure, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(link);
        await db.SaveChangesAsync();
        return link.Id;
    });

    private static Task<int> RenameDemoProfileAsync(ClusterAtlasFactory instance, string name) => instance.WithDbAsync(async db =>
    {
        var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == "vojvodina-metal-cluster");
        profile.Name = name;
        return await db.SaveChangesAsync();
    });

    private static async Task<long> ListenersAsync(string? connectionString)
    {
        await using var database = new NpgsqlConnection(connectionString);
        await database.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {ChangeBroadcast.Channel}'", database);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The answer's text after making sure it is the stored one (a repeated request carries an Age header). The other
    /// instance's news of the writes before (registering, publishing) may still arrive and evict what was just stored:
    /// the page is asked again until an answer comes from the cache, within the same limit as the evictions.
    /// </summary>
    private static async Task<string> CachedTextAsync(HttpClient reader, string url)
    {
        string? text = null;
        await TextAsync(reader, url);
        await EventuallyAsync(async () =>
        {
            using var again = await reader.GetAsync(new Uri(url, UriKind.Relative));
            text = await again.Content.ReadAsStringAsync();
            return again.Headers.Age is not null;
        }, $"{url} is served from the output cache");
        return text!;
    }

    private static async Task<string> TextAsync(HttpClient reader, string url)
    {
        using var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? AtOnce;
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not within {limit.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}

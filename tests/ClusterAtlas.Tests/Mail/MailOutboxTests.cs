using ClusterAtlas.Mail;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Mail;

/// <summary>The outbox table: mail queued by one start is delivered by the next, once, even with two instances sending; failures are retried, then given up.</summary>
public sealed class MailOutboxTests
{
    /// <summary>An instance that queues mail but does not deliver it (as if it stopped before sending).</summary>
    private sealed class QueueOnlyFactory : ClusterAtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:Outbox:Deliver", "false");
        }
    }

    private sealed class RestartedFactory(ClusterAtlasFactory previous) : ClusterAtlasFactory(previous);

    /// <summary>An SMTP server that refuses every connection: a real client, a real failure.</summary>
    private sealed class UnreachableSmtpFactory : ClusterAtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:Smtp:Host", "127.0.0.1");
            builder.UseSetting("ClusterAtlas:Smtp:Port", "1");
            builder.UseSetting("ClusterAtlas:Smtp:Security", "None");
            builder.UseSetting("ClusterAtlas:Outbox:MaxAttempts", "3");
            builder.UseSetting("ClusterAtlas:Outbox:FirstRetryAfter", "00:00:00.2");
        }
    }

    [Fact]
    public async Task Mail_queued_before_a_stop_is_sent_once_after_the_next_start_even_by_two_instances()
    {
        var email = ClusterAtlasFactory.NewEmail();
        var first = new QueueOnlyFactory { KeepDataOnDispose = true };
        await using (first)
        {
            using (var browser = first.CreateBrowser())
            {
                using var registered = await ClusterAtlasFactory.RegisterAsync(browser, email);
            }
            for (var i = 0; i < 5; i++)
            {
                await first.WithServiceAsync<OutgoingMail, int>(async mail =>
                {
                    await mail.QueueAsync(email, "Ana", "en", () => new MailContent($"Message {i}", ["Hello."]), CancellationToken.None);
                    return 0;
                });
            }
            await Task.Delay(600); // several polls of a worker that must not deliver
            Assert.Equal(6, await first.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
            Assert.Empty(first.MailTo(email));
        }

        await using var second = new RestartedFactory(first);
        await using var third = new RestartedFactory(first) { KeepDataOnDispose = true };
        _ = second.Server;
        _ = third.Server;
        await second.LatestMailAsync(email, "Confirm your e-mail address");
        await second.AllMailSentAsync();
        await Task.Delay(600); // both instances look again: nothing is sent twice
        var received = second.MailTo(email);
        Assert.Equal(6, received.Count);
        Assert.Equal(6, received.Select(m => m.Subject).Distinct().Count());
        var rows = await second.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.True(r.SentAt is not null && r.Attempts == 1 && r.LeaseUntil is null, $"message {r.Id}: sent {r.SentAt}, attempts {r.Attempts}"));
    }

    [Fact]
    public async Task A_failing_server_is_tried_again_with_growing_pauses_then_the_message_is_given_up_and_kept()
    {
        await using var app = new UnreachableSmtpFactory();
        await app.WithServiceAsync<OutgoingMail, int>(async mail =>
        {
            await mail.QueueAsync("someone@example.org", "Someone", "en", () => new MailContent("Never delivered", ["Hello."]), CancellationToken.None);
            return 0;
        });
        OutboxMessage? row = null;
        for (var attempt = 0; attempt < 100 && row?.GaveUpAt is null; attempt++)
        {
            await Task.Delay(100);
            row = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync());
        }
        Assert.NotNull(row?.GaveUpAt);
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.False(string.IsNullOrEmpty(row.LastError));
        var pauses = await app.WithServiceAsync<OutboxDelivery, TimeSpan[]>(d => Task.FromResult(new[] { d.RetryPause(1), d.RetryPause(2), d.RetryPause(3), d.RetryPause(40) }));
        Assert.Equal([TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(0.8), TimeSpan.FromHours(6)], pauses);
    }
}

using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Newsletter;

/// <summary>An address the mail server refused for good is not mailed again: its subscription is marked bounced.</summary>
public sealed class NewsletterBounces(ClusterAtlasDbContext db, TimeProvider clock) : IMailBounceHandler
{
    public async Task BouncedAsync(string address, CancellationToken cancellationToken)
    {
        var email = Subscriptions.Normalise(address);
        var now = clock.GetUtcNow();
        await db.Set<NewsletterSubscription>()
            .Where(s => s.Email == email && s.Status != SubscriptionStatus.Bounced)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Bounced).SetProperty(x => x.EndedAt, now), cancellationToken);
    }
}

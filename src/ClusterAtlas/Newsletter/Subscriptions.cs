using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// Subscribing with double opt-in, confirming, changing one's choices and unsubscribing. Asking to subscribe always
/// answers the same and queues one message, whatever the address's state, so that neither the page nor its time tells
/// whether an address is subscribed: a new or waiting address gets the confirmation, a confirmed one a note with its
/// manage link (its choices change only through that link, never by a stranger typing the address).
/// </summary>
public sealed class Subscriptions(ClusterAtlasDbContext db, OutgoingMail mail, NewsletterMail content, TimeProvider clock, IOptions<NewsletterOptions> options)
{
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public async Task RequestAsync(string email, string language, List<string> sectors, List<string> countries, CancellationToken cancellationToken)
    {
        var address = Normalise(email);
        var now = clock.GetUtcNow();
        var subscription = await db.Set<NewsletterSubscription>().SingleOrDefaultAsync(s => s.Email == address, cancellationToken);
        if (subscription is { Status: SubscriptionStatus.Confirmed })
        {
            var known = subscription;
            mail.Enqueue(db, known.Email, null, known.Language, () => content.AlreadySubscribed(known));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        if (subscription is null)
        {
            subscription = new NewsletterSubscription { Email = address, Language = language };
            db.Add(subscription);
        }
        else if (subscription.Status != SubscriptionStatus.Pending)
        {
            // Unsubscribed or bounced: a new subscription of the same address, with new links.
            subscription.Key = Guid.NewGuid();
            subscription.ConfirmedAt = null;
            subscription.EndedAt = null;
            subscription.UserId = null;
        }
        subscription.Status = SubscriptionStatus.Pending;
        subscription.Language = language;
        subscription.Sectors = sectors;
        subscription.Countries = countries;
        subscription.RequestedAt = now;
        var pending = subscription;
        mail.Enqueue(db, pending.Email, null, pending.Language, () => content.Confirmation(pending));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A member with a confirmed account address subscribes it at once (their account already proved the address).</summary>
    public async Task<NewsletterSubscription> SubscribeMemberAsync(string userId, string confirmedEmail, string language, List<string> sectors, List<string> countries, CancellationToken cancellationToken)
    {
        var address = Normalise(confirmedEmail);
        var now = clock.GetUtcNow();
        var subscription = await db.Set<NewsletterSubscription>().SingleOrDefaultAsync(s => s.Email == address, cancellationToken);
        if (subscription is null)
        {
            subscription = new NewsletterSubscription { Email = address, Language = language, RequestedAt = now };
            db.Add(subscription);
        }
        else if (subscription.Status != SubscriptionStatus.Confirmed)
        {
            subscription.Key = Guid.NewGuid();
        }
        if (subscription.Status != SubscriptionStatus.Confirmed)
        {
            subscription.Status = SubscriptionStatus.Confirmed;
            subscription.ConfirmedAt = now;
            subscription.EndedAt = null;
        }
        subscription.UserId = userId;
        subscription.Language = language;
        subscription.Sectors = sectors;
        subscription.Countries = countries;
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }

    public Task<NewsletterSubscription?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        db.Set<NewsletterSubscription>().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);

    public Task<NewsletterSubscription?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var address = Normalise(email);
        return db.Set<NewsletterSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Email == address, cancellationToken);
    }

    /// <summary>Whether a waiting subscription may still be confirmed (it is deleted soon after).</summary>
    public bool IsExpired(NewsletterSubscription subscription) =>
        subscription.Status == SubscriptionStatus.Pending && subscription.RequestedAt + options.Value.ConfirmWithin <= clock.GetUtcNow();

    /// <summary>Confirms a waiting subscription; true also when it was confirmed already. False when it expired or ended.</summary>
    public async Task<bool> ConfirmAsync(NewsletterSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.Status == SubscriptionStatus.Confirmed)
        {
            return true;
        }
        if (subscription.Status != SubscriptionStatus.Pending || IsExpired(subscription))
        {
            return false;
        }
        subscription.Status = SubscriptionStatus.Confirmed;
        subscription.ConfirmedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task UpdateAsync(NewsletterSubscription subscription, string language, List<string> sectors, List<string> countries, CancellationToken cancellationToken)
    {
        subscription.Language = language;
        subscription.Sectors = sectors;
        subscription.Countries = countries;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stops all newsletter mail to the subscription's address (a bounced one stays bounced).</summary>
    public async Task UnsubscribeAsync(NewsletterSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.Status is SubscriptionStatus.Pending or SubscriptionStatus.Confirmed)
        {
            subscription.Status = SubscriptionStatus.Unsubscribed;
            subscription.EndedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Deletes the subscriptions whose confirmation did not come in time.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.ConfirmWithin;
        return await db.Set<NewsletterSubscription>()
            .Where(s => s.Status == SubscriptionStatus.Pending && s.RequestedAt <= before)
            .ExecuteDeleteAsync(cancellationToken);
    }
}

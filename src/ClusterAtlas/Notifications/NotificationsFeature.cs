using ClusterAtlas.Caching;
using ClusterAtlas.Mail;

namespace ClusterAtlas.Notifications;

/// <summary>
/// Notifications: the rows events add (<see cref="Notifier"/>), their mail as each person chose per kind (immediately,
/// a daily digest, none) fed to the outbox, the pages under /account/notifications, unsubscribe links, saved searches.
/// </summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCacheTags<Notification>().AddCacheTags<NotificationPreference>().AddCacheTags<SavedSearch>(); // each member's own
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddOptions<NotificationOptions>()
            .Validate(o => o.DigestHourUtc is >= 0 and <= 23, $"{NotificationOptions.Section}: DigestHourUtc must be an hour from 0 to 23.")
            .ValidateOnStart();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<NotificationMail>();
        services.AddScoped<NotificationCenter>();
        services.AddScoped<SavedSearches>();
        // Immediate mail first, then the digest, in each round of the outbox worker.
        services.AddScoped<IOutboxFeeder, NotificationMailer>();
        services.AddScoped<IOutboxFeeder, NotificationDigest>();
        return services;
    }
}

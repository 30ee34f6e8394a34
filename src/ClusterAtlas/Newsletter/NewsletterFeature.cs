using ClusterAtlas.Caching;
using ClusterAtlas.Mail;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The newsletter: subscriptions with double opt-in (with or without an account), the weekly digest gathered from every
/// published section, the platform team's editorial issues, all sent through the outbox; bounces end a subscription.
/// </summary>
public static class NewsletterFeature
{
    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NewsletterOptions>(configuration.GetSection(NewsletterOptions.Section));
        services.AddOptions<NewsletterOptions>()
            .Validate(o => o.DigestHourUtc is >= 0 and <= 23 && Enum.IsDefined(o.DigestDay) && o.MessagesPerMinute is >= 1 and <= 100_000
                    && o.ConfirmWithin >= TimeSpan.FromHours(1) && o.LatestDigestDelay >= TimeSpan.Zero,
                $"{NewsletterOptions.Section}: DigestHourUtc must be an hour from 0 to 23, DigestDay a weekday, MessagesPerMinute from 1 to 100000, ConfirmWithin at least 01:00:00, LatestDigestDelay not negative.")
            .ValidateOnStart();
        // Subscriptions and their mail are no public page's content: saving them leaves the output cache as it is.
        services.AddCacheTags<NewsletterSubscription>().AddCacheTags<NewsletterIssue>().AddCacheTags<NewsletterDelivery>();
        services.AddScoped<NewsletterLinks>();
        services.AddScoped<NewsletterMail>();
        services.AddScoped<NewsletterChoices>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<IssueMessages>();
        services.AddScoped<EditorialNewsletters>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<IOutboxFeeder>(sp => sp.GetRequiredService<WeeklyDigest>());
        services.AddScoped<IMailBounceHandler, NewsletterBounces>();
        return services;
    }
}

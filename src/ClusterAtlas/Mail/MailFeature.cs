using ClusterAtlas.Caching;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Mail;

/// <summary>Outgoing mail: what accounts, moderation and profiles send, through SMTP or into .eml files.</summary>
public static class MailFeature
{
    /// <summary>
    /// SMTP when ClusterAtlas:Smtp:Host is set, else the .eml pickup folder. Decided when a sender is resolved,
    /// not at registration, so that test hosts can override configuration.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCacheTags<OutboxMessage>(); // mail waiting to leave
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupDirectoryMailSender>();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? sp.GetRequiredService<PickupDirectoryMailSender>()
            : sp.GetRequiredService<SmtpMailSender>());
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<OutboxOptions>()
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100) && o.MaxAttempts is >= 1 and <= 50 && o.FirstRetryAfter >= TimeSpan.Zero,
                $"{OutboxOptions.Section}: PollInterval must be at least 00:00:00.1, MaxAttempts from 1 to 50, FirstRetryAfter not negative.")
            .ValidateOnStart();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailLinkTokens>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, MailWakeInterceptor>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<MailOutboxWorker>();
        services.AddScoped<OutgoingMail>();
        return services;
    }
}

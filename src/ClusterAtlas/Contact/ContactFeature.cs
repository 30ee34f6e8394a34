using ClusterAtlas.Caching;
namespace ClusterAtlas.Contact;

/// <summary>
/// Contact requests: members write to a profile's administrators instead of calling a printed phone number. Its pages
/// are Razor pages (the contact form, the account inbox and conversations, the moderators' reports, the profile's
/// setting), so there is nothing to map besides them.
/// </summary>
public static class ContactFeature
{
    public static IServiceCollection AddContact(this IServiceCollection services, IConfiguration configuration)
    {
        // Between members and clusters: no public answer shows them.
        services.AddCacheTags<ContactRequest>().AddCacheTags<ContactMessage>().AddCacheTags<ContactBlock>();
        services.Configure<ContactOptions>(configuration.GetSection(ContactOptions.Section));
        services.AddOptions<ContactOptions>()
            .Validate(o => o.RequestsPerHour >= 1 && o.RequestsPerDay >= o.RequestsPerHour,
                $"{ContactOptions.Section}: RequestsPerHour must be at least 1 and RequestsPerDay at least RequestsPerHour.")
            .ValidateOnStart();
        return services
            .AddScoped<ContactRequests>()
            .AddScoped<ContactModeration>()
            .AddScoped<ContactRequestMail>();
    }
}

namespace ClusterAtlas.Moderation;

public static class ModerationFeature
{
    public static IServiceCollection AddModeration(this IServiceCollection services) => services
        .AddScoped<AuditLog>()
        .AddScoped<ModerationMail>()
        .AddScoped<ModerationWorkflow>()
        .AddScoped<ModerationQueries>()
        .AddScoped<Accounts.AccountAdministration>();
}

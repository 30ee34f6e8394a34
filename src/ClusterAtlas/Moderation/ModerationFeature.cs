using ClusterAtlas.Caching;
namespace ClusterAtlas.Moderation;

public static class ModerationFeature
{
    public static IServiceCollection AddModeration(this IServiceCollection services) => services
        .AddCacheTags<ModerationAction>().AddCacheTags<EditReview>() // the staff's own records; decisions change profiles
        .AddScoped<AuditLog>()
        .AddScoped<ModerationMail>()
        .AddScoped<ModerationWorkflow>()
        .AddScoped<ModerationQueries>()
        .AddScoped<Accounts.AccountAdministration>();
}

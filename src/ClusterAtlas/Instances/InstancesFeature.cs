namespace ClusterAtlas.Instances;

/// <summary>
/// Several instances on one PostgreSQL database: what one changes, the others' caches hear of at once through
/// LISTEN/NOTIFY (see docs/decisions/0028-several-instances.md). Nothing to configure: instances that share
/// <c>ConnectionStrings:Default</c> hear each other.
/// </summary>
public static class InstancesFeature
{
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.AddSingleton<ChangeBroadcast>();
        services.AddHostedService<ChangeListener>();
        return services;
    }
}

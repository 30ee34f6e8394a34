using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClusterAtlas.Operations;

/// <summary>Operations: the health checks a load balancer or service manager asks, logs, telemetry, backups.</summary>
public static class OperationsFeature
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        // A real query, not only "can connect": SQLite's check looked only for the file, and an open pooled connection
        // to a stopped PostgreSQL passes it until used.
        services.AddHealthChecks().AddDbContextCheck<ClusterAtlasDbContext>("database", tags: ["ready"],
            customTestQuery: async (db, cancellationToken) => await db.ClusterOrganisations.AnyAsync(cancellationToken) || true)
            .AddCheck<DirectoryBuiltCheck>("directory", tags: ["ready"]);
        services.AddSingleton<ReadinessLog>();
        services.AddStructuredLogging();
        services.AddTelemetry(configuration);
        services.AddScoped<Backup>();
        return services;
    }

    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach its database, and its directory is built
    /// (so that a load balancer sends searches to instances that answer them at once).
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = app.Services.GetRequiredService<ReadinessLog>().WriteAsync,
        });
        return app;
    }
}

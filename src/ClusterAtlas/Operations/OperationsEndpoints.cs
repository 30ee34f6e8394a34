using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClusterAtlas.Operations;

public static class OperationsEndpoints
{
    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach its database.
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}

using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterAtlas.Operations;

/// <summary>
/// Ready once the in-memory directory is built after the start. Asked before that, it starts a build if none is under
/// way: a first build that met a database outage is tried again when the database is back, not at the next search only.
/// </summary>
public sealed class DirectoryBuiltCheck(DirectoryIndex directory, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (directory.IsBuilt)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        _ = directory.StartBuilding(lifetime.ApplicationStopping);
        return Task.FromResult(HealthCheckResult.Unhealthy("The directory is being built."));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterAtlas.Operations;

/// <summary>
/// Writes /health/ready's answer ("Healthy", "Unhealthy") and logs when readiness changes, once: a load balancer asks
/// every second or so, and the framework's health check service logged every unready answer as an error (a line a
/// second for the 20 s a million profiles' directory takes to build after a start; appsettings.json silences it).
/// </summary>
public sealed class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private const int NotAskedYet = -1;
    private int _last = NotAskedYet;

    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        var status = (int)report.Status;
        var before = Interlocked.Exchange(ref _last, status);
        if (before != status)
        {
            if (report.Status == HealthStatus.Healthy)
            {
                logger.LogInformation("Ready: every readiness check passes");
            }
            else
            {
                var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
                logger.LogWarning(failing.Select(e => e.Value.Exception).FirstOrDefault(e => e is not null)?.GetBaseException(),
                    "Not ready ({Status}) until further notice: {Reasons:l}", report.Status,
                    string.Join("; ", failing.Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.GetBaseException().Message ?? e.Value.Status.ToString()}")));
            }
        }
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}

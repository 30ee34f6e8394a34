using System.Net;
using ClusterAtlas.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog.Events;

namespace ClusterAtlas.Tests.Operations;

/// <summary>
/// A load balancer asks /health/ready every second or so: the log says when readiness changes, once, with why it is
/// not ready, rather than an error line per unready answer.
/// </summary>
public sealed class ReadinessLogTests(RequestLogTests.LoggingFactory app) : IClassFixture<RequestLogTests.LoggingFactory>
{
    [Fact]
    public async Task Readiness_is_logged_when_it_changes_and_not_at_every_probe()
    {
        using var client = app.CreateClient();
        for (var probe = 0; probe < 3; probe++)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        }
        // Three probes of a directory being built (as after a start at a million profiles), answered by the same writer.
        var readiness = app.Services.GetRequiredService<ReadinessLog>();
        var building = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null),
            ["directory"] = new(HealthStatus.Unhealthy, "The directory is being built.", TimeSpan.Zero, null, null),
        }, TimeSpan.Zero);
        for (var probe = 0; probe < 3; probe++)
        {
            var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
            await readiness.WriteAsync(context, building);
            Assert.Equal("Unhealthy", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        }
        using (var again = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var lines = app.Events.Where(e => e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name }
                && (name == typeof(ReadinessLog).FullName || name.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal)))
            .Select(e => $"{e.Level}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(
        [
            "Information: Ready: every readiness check passes",
            "Warning: Not ready (Unhealthy) until further notice: directory: The directory is being built.",
            "Information: Ready: every readiness check passes",
        ], lines);
    }
}

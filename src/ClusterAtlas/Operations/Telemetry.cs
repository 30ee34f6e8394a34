using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClusterAtlas.Operations;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core requests, Npgsql commands) and metrics (ASP.NET Core, Kestrel, the runtime, Npgsql)
/// exported over OTLP when ClusterAtlas:Telemetry:OtlpEndpoint is set; without it nothing is registered, so an
/// installation without a collector pays nothing. Traces carry the route template, not the query string.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.OtlpEndpoint is null)
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName,
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // Query strings carry searches and tokens: the route and the status say enough.
                    aspNetCore.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddSource("Npgsql")
                .AddOtlpExporter(otlp => Configure(otlp, options, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("System.Runtime", "Npgsql")
                .AddOtlpExporter(otlp => Configure(otlp, options, "v1/metrics")));
        return services;
    }

    /// <summary>Over HTTP the exporter posts to the address as given, so the signal's path is added here.</summary>
    private static void Configure(OtlpExporterOptions otlp, TelemetryOptions options, string signalPath)
    {
        if (options.OtlpProtocol == OtlpProtocol.HttpProtobuf)
        {
            otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = new Uri(options.OtlpEndpoint!.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            otlp.Protocol = OtlpExportProtocol.Grpc;
            otlp.Endpoint = options.OtlpEndpoint!;
        }
    }
}

namespace ClusterAtlas.Operations;

/// <summary>Settings under "ClusterAtlas:Telemetry": OpenTelemetry metrics and traces, sent only when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "ClusterAtlas:Telemetry";

    /// <summary>The OTLP collector, e.g. http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 (HTTP). Unset: no telemetry at all.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Grpc (port 4317 by convention) or HttpProtobuf (port 4318).</summary>
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>The service.name resource attribute; with several instances, service.instance.id is the host name and process id.</summary>
    public string ServiceName { get; set; } = "ClusterAtlas";
}

public enum OtlpProtocol { Grpc, HttpProtobuf }

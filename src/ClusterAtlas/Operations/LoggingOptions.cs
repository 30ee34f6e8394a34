namespace ClusterAtlas.Operations;

/// <summary>Settings under "ClusterAtlas:Logging" (the levels stay under "Logging:LogLevel", as in any ASP.NET Core app).</summary>
public sealed class LoggingOptions
{
    public const string Section = "ClusterAtlas:Logging";

    /// <summary>Text (readable, the default) or Json (compact JSON, one event per line, for a log collector).</summary>
    public LogFormat Format { get; set; } = LogFormat.Text;

    /// <summary>Whether request lines carry the client's address (personal data under the GDPR: off unless the operator needs it).</summary>
    public bool ClientAddresses { get; set; }
}

public enum LogFormat { Text, Json }

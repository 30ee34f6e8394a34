using Serilog.Core;
using Serilog.Events;

namespace ClusterAtlas.Operations;

/// <summary>
/// The request path of ASP.NET Core's log scope, which every event logged during a request carries (an authentication
/// event, a warning), as <see cref="StructuredLogging.LoggedPath(HttpRequest)"/> writes it: a client may send an e-mail
/// address in a path ("/api/v1/cluster-organisations/name@example.org"), and the log keeps no personal data. Applied
/// after the scope's properties are added (the framework's logger adds them before the root logger's enrichers run).
/// </summary>
public sealed class RequestPathRedaction : ILogEventEnricher
{
    private const string Property = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue(Property, out var value) && value is ScalarValue { Value: string path })
        {
            var safe = StructuredLogging.LoggedPath(path.StartsWith('/') ? new PathString(path) : new PathString("/" + path));
            if (!string.Equals(safe, path, StringComparison.Ordinal))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(Property, new ScalarValue(safe)));
            }
        }
    }
}

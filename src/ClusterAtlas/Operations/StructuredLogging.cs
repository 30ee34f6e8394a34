using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Hosting;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace ClusterAtlas.Operations;

/// <summary>
/// The console log through Serilog: readable text, or compact JSON when ClusterAtlas:Logging:Format is Json. Serilog is
/// one logging provider among the framework's (it replaces only the console one), so "Logging:LogLevel" filters as before.
/// Each request is one line (method, route template, status, elapsed) with no query string, cookie, header or, unless
/// configured, client address: the path template rather than the path, because paths carry slugs and whatever a client
/// typed. A 404 is the exception: its line names the path that was not found (see <see cref="NotFoundPath"/>), as that
/// is what an operator needs to mend a broken link.
/// </summary>
public static class StructuredLogging
{
    /// <summary>The category of the request lines: "Logging:LogLevel:ClusterAtlas.Requests": "Warning" turns them off.</summary>
    public const string RequestCategory = "ClusterAtlas.Requests";

    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static IServiceCollection AddStructuredLogging(this IServiceCollection services)
    {
        services.AddOptions<LoggingOptions>().BindConfiguration(LoggingOptions.Section);
        foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(console);
        }
        // Sinks registered by others (ILogEventSink) receive every event too.
        services.AddSingleton(sp => CreateLogger(sp.GetRequiredService<IOptions<LoggingOptions>>().Value.Format, sp.GetServices<ILogEventSink>()));
        services.AddSingleton<ILoggerProvider>(sp => new SerilogLoggerProvider(sp.GetRequiredService<Logger>(), dispose: false));
        services.AddSingleton(sp => new DiagnosticContext(sp.GetRequiredService<Logger>()));
        services.AddSingleton<IDiagnosticContext>(sp => sp.GetRequiredService<DiagnosticContext>());
        return services;
    }

    /// <summary>The formatter of ClusterAtlas:Logging:Format=Json: Serilog's compact JSON with the rendered message.</summary>
    public static RenderedCompactJsonFormatter JsonFormatter { get; } = new();

    private static Logger CreateLogger(LogFormat format, IEnumerable<ILogEventSink> sinks)
    {
        // The framework's filters have chosen what reaches this logger; the request lines are filtered where they are made.
        // The path the framework's request scope gives every event of a request is the one the request lines leave out.
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.FromLogContext().Enrich.With<RequestPathRedaction>();
        // Written on a thread of its own, so a slow console (a busy journal) does not hold up requests; flushed on dispose.
        configuration.WriteTo.Async(sink =>
        {
            if (format == LogFormat.Json)
            {
                sink.Console(JsonFormatter);
            }
            else
            {
                sink.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        foreach (var extra in sinks)
        {
            configuration.WriteTo.Sink(extra);
        }
        return configuration.CreateLogger();
    }

    /// <summary>One line per request, unless the category <see cref="RequestCategory"/> is filtered below Information.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestCategory).IsEnabled(LogLevel.Information))
        {
            return app;
        }
        var clientAddresses = app.Services.GetRequiredService<IOptions<LoggingOptions>>().Value.ClientAddresses;
        var logger = app.Services.GetRequiredService<Logger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.IncludeQueryInRequestPath = false;
            options.MessageTemplate = "{RequestMethod:l} {RouteOrPath:l} answered {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, status) => Properties(context, elapsed, status, clientAddresses);
            options.GetLevel = (_, _, error) => error is not null ? LogEventLevel.Error : LogEventLevel.Information;
        });
        return app;
    }

    private static IEnumerable<LogEventProperty> Properties(HttpContext context, double elapsed, int status, bool clientAddress)
    {
        // Named here, since the middleware would name itself (Serilog.AspNetCore.RequestLoggingMiddleware).
        yield return new LogEventProperty(Constants.SourceContextPropertyName, new ScalarValue(RequestCategory));
        yield return new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method));
        var route = RouteTemplate(context);
        yield return new LogEventProperty("RouteTemplate", new ScalarValue(route));
        yield return new LogEventProperty("RouteOrPath", new ScalarValue(status == StatusCodes.Status404NotFound ? NotFoundPath(context.Request) : route));
        yield return new LogEventProperty("StatusCode", new ScalarValue(status));
        yield return new LogEventProperty("Elapsed", new ScalarValue(elapsed));
        if (clientAddress)
        {
            yield return new LogEventProperty("ClientAddress", new ScalarValue(context.Connection.RemoteIpAddress?.ToString()));
        }
    }

    /// <summary>
    /// The matched endpoint's route ("/cluster-organisations/{slug}"); for an exception, the route that threw. An answer
    /// the error page made from a status (a 404, a 400) is "(error page)": the status page does not keep the route it
    /// stood in for, and the path itself is whatever the client sent. No endpoint at all is "(no route)".
    /// </summary>
    private static string RouteTemplate(HttpContext context)
    {
        var endpoint = context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint ?? context.GetEndpoint();
        if (endpoint is not RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return "(no route)";
        }
        var route = "/" + pattern.TrimStart('/');
        return route.StartsWith(ErrorPages, StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments(ErrorPages.TrimEnd('/'), StringComparison.Ordinal)
            ? "(error page)"
            : route;
    }

    private const string ErrorPages = "/errors/";

    private const int LongestLoggedPath = 200;

    /// <summary>
    /// The path of a 404, without its query string (which carries tokens and search words): escaped as in an address, so
    /// that a client cannot write line breaks into the log; a segment with an e-mail address in it left out; cut at
    /// <see cref="LongestLoggedPath"/> characters. The platform's own paths name no person, but a client may send anything.
    /// </summary>
    internal static string NotFoundPath(HttpRequest request) => LoggedPath(request);

    /// <summary>A request's path as the log may hold it (see <see cref="NotFoundPath"/>), for every message that names one.</summary>
    public static string LoggedPath(HttpRequest request) => LoggedPath(request.PathBase + request.Path);

    /// <summary>A path as the log may hold it: escaped, a segment with an e-mail address left out, cut.</summary>
    internal static string LoggedPath(PathString requestPath)
    {
        var segments = requestPath.ToUriComponent().Split('/')
            .Select(segment => segment.Contains('@', StringComparison.Ordinal) || segment.Contains("%40", StringComparison.OrdinalIgnoreCase) ? "(left out)" : segment);
        var path = string.Join('/', segments);
        return path.Length <= LongestLoggedPath ? path : string.Concat(path.AsSpan(0, LongestLoggedPath), "…");
    }
}

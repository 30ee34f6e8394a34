using System.Collections.Concurrent;
using System.Text.Json;
using ClusterAtlas.Operations;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ClusterAtlas.Tests.Operations;

/// <summary>
/// The request log as ClusterAtlas:Logging:Format=Json writes it: one compact JSON line per request with the method,
/// the route template (for a 404 the path that was not found), the status and the time taken, and nothing personal (no
/// query string, e-mail, cookie or address);
/// and no warning of the database layer in it from reading the public pages (an operator reads every warning).
/// </summary>
public sealed class RequestLogTests(RequestLogTests.LoggingFactory app) : IClassFixture<RequestLogTests.LoggingFactory>
{
    private const string Email = "someone.private@example.org";
    private const string CookieValue = "a-secret-session-value";

    [Fact]
    public async Task A_request_is_one_json_line_with_method_route_status_and_time_and_nothing_personal()
    {
        var line = await LogLineOfAsync($"/cluster-organisations/{SeedPage.Slug}?q={Uri.EscapeDataString(Email)}&email={Uri.EscapeDataString(Email)}");

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("GET", root.GetProperty("RequestMethod").GetString());
        Assert.Equal("/cluster-organisations/{slug}", root.GetProperty("RouteTemplate").GetString());
        Assert.Equal("/cluster-organisations/{slug}", root.GetProperty("RouteOrPath").GetString());
        Assert.Equal(200, root.GetProperty("StatusCode").GetInt32());
        Assert.True(root.GetProperty("Elapsed").GetDouble() >= 0);
        Assert.Equal(StructuredLogging.RequestCategory, root.GetProperty("SourceContext").GetString());
        Assert.True(root.TryGetProperty("@t", out _));
        Assert.StartsWith("GET /cluster-organisations/{slug} answered 200 in ", root.GetProperty("@m").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("ClientAddress", out _));
        Assert.DoesNotContain("@example.org", line, StringComparison.Ordinal);
        Assert.DoesNotContain(CookieValue, line, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedPage.Slug, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page/more", "/no-such-page/more")]
    [InlineData("/cluster-organisations/no-such-cluster", "/cluster-organisations/no-such-cluster")]
    [InlineData("/no-such-page/" + "someone.private%40example.org" + "/more", "/no-such-page/(left out)/more")]
    [InlineData("/no-such-page/someone.private@example.org", "/no-such-page/(left out)")]
    [InlineData("/no-such%0D%0A[12:00:00 INF] forged", "/no-such%0D%0A%5B12:00:00%20INF%5D%20forged")]
    public async Task A_404_names_the_path_that_was_not_found_without_its_query_or_an_e_mail_address(string url, string logged)
    {
        var line = await LogLineOfAsync($"{url}?email={Uri.EscapeDataString(Email)}&q=private+words");

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(404, root.GetProperty("StatusCode").GetInt32());
        Assert.Equal(logged, root.GetProperty("RouteOrPath").GetString());
        Assert.StartsWith($"GET {logged} answered 404 in ", root.GetProperty("@m").GetString(), StringComparison.Ordinal);
        // The route stays the route: "(error page)", not one value per missing path.
        Assert.Equal("(error page)", root.GetProperty("RouteTemplate").GetString());
        Assert.DoesNotContain("example.org", line, StringComparison.Ordinal);
        Assert.DoesNotContain("private", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_event_of_a_request_carries_its_path_without_an_e_mail_address()
    {
        var before = app.Events.Count();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/cluster-organisations/" + Email, UriKind.Relative));
        // A token that is none: the authentication handler logs its failure during the request, in its scope.
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);

        var events = app.Events.Skip(before).ToList();
        var scoped = events.Where(e => e.Properties.ContainsKey("RequestPath")).ToList();
        Assert.NotEmpty(scoped);
        Assert.All(scoped, e => Assert.Equal("\"/api/v1/cluster-organisations/(left out)\"", e.Properties["RequestPath"].ToString()));
        foreach (var logged in events)
        {
            var text = new StringWriter();
            StructuredLogging.JsonFormatter.Format(logged, text);
            Assert.DoesNotContain("example.org", text.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_path_is_cut()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = "/" + new string('a', 5000);
        Assert.Equal("/" + new string('a', 199) + "…", StructuredLogging.NotFoundPath(context.Request));
    }

    /// <summary>Requests the address with a cookie, and renders its request event as the JSON format writes it.</summary>
    private async Task<string> LogLineOfAsync(string url)
    {
        var before = app.RequestEvents.Count();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", $"session={CookieValue}");
        using var response = await client.SendAsync(request);
        // The line is written as the answer completes, which the client may see first.
        for (var attempt = 0; attempt < 100 && app.RequestEvents.Count() == before; attempt++)
        {
            await Task.Delay(50);
        }
        var logged = app.RequestEvents.Skip(before).SingleOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"No request line for {url} ({(int)response.StatusCode}); logged: "
                + string.Join(" | ", app.Events.Select(e => $"{e.Properties.GetValueOrDefault("SourceContext")}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
        var text = new StringWriter();
        StructuredLogging.JsonFormatter.Format(logged, text);
        return text.ToString();
    }

    [Fact]
    public async Task The_public_pages_are_read_without_a_warning_from_the_database_layer()
    {
        using var client = app.CreateClient();
        foreach (var path in new[]
        {
            "/", "/cluster-organisations?q=metal", $"/cluster-organisations/{SeedPage.Slug}", "/cluster-organisations/map", "/news",
            "/events", "/calls", "/partner-search", "/network", "/statistics", $"/api/v1/cluster-organisations/{SeedPage.Slug}",
        })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        // EF warns once, as it compiles a query: a limit without an order, several collections in one query.
        var warnings = app.Events.Where(e => e.Level >= LogEventLevel.Warning && e.Properties.TryGetValue("SourceContext", out var source)
            && source is ScalarValue { Value: string name } && name.StartsWith("Microsoft.EntityFrameworkCore.Query", StringComparison.Ordinal));
        Assert.Empty(warnings.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>An installation whose request lines and readiness changes are on (the tests' other hosts log warnings only) and kept in memory.</summary>
    public sealed class LoggingFactory : ClusterAtlasFactory
    {
        private readonly Sink _sink = new();

        public IEnumerable<LogEvent> Events => _sink.Events;

        /// <summary>The request lines, in the order they were written.</summary>
        public IEnumerable<LogEvent> RequestEvents => _sink.Events.Where(e =>
            e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: StructuredLogging.RequestCategory });

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:" + StructuredLogging.RequestCategory, "Information");
            builder.UseSetting("Logging:LogLevel:" + typeof(ReadinessLog).FullName, "Information");
            builder.UseSetting("Logging:LogLevel:ClusterAtlas.AccessTokens", "Information");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_sink));
        }

        private sealed class Sink : ILogEventSink
        {
            public ConcurrentQueue<LogEvent> Events { get; } = new();

            public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
        }
    }
}

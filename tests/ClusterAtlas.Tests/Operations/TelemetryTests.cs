using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ClusterAtlas.Tests.Operations;

/// <summary>
/// OpenTelemetry is there only when configured: without ClusterAtlas:Telemetry:OtlpEndpoint nothing is registered;
/// with it, a request's trace reaches an OTLP/HTTP receiver (a listener standing in for the collector) under its route.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_no_telemetry_is_collected()
    {
        await using var app = new ClusterAtlasFactory();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_a_request_s_trace_and_the_metrics_reach_the_collector()
    {
        using var collector = new OtlpReceiver();
        await using var app = new TelemetryFactory(collector.Address);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/cluster-organisations/{SeedPage.Slug}?q=secret%40example.org", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
        // The request's span ends as the answer completes, which the client may see first: flush until it is there.
        for (var attempt = 0; attempt < 50 && !collector.Received.Any(r => r.Path == "/v1/traces" && r.Text.Contains("cluster-organisations/{slug}", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
            Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        }
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var traces = collector.Received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(traces, r => r.Text.Contains("cluster-organisations/{slug}", StringComparison.Ordinal));
        Assert.DoesNotContain(traces, r => r.Text.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(collector.Received, r => r.Path == "/v1/metrics" && r.Text.Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    private sealed class TelemetryFactory(Uri endpoint) : ClusterAtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ClusterAtlas:Telemetry:OtlpEndpoint", endpoint.AbsoluteUri);
            builder.UseSetting("ClusterAtlas:Telemetry:OtlpProtocol", "HttpProtobuf");
        }
    }

    /// <summary>Accepts OTLP/HTTP posts on a free port and keeps them (path, content type, body as Latin-1 text).</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public OtlpReceiver()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
            }
            _listener.Prefixes.Add(Address.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public Uri Address { get; }

        public ConcurrentQueue<(string Path, string? ContentType, string Text)> Received { get; } = new();

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, Encoding.Latin1.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}

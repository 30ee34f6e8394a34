using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// What a newcomer does first: clone the repository and run the README's own command, then look at the site in a
/// browser. The test host and the published build serve static files their own ways; only this sees what
/// `dotnet run --project src/ClusterAtlas` serves in the Production environment, where compressed static files
/// once arrived empty and every page was unstyled. It clones what is committed (a fresh clone, as CI has).
/// </summary>
public sealed class FreshCloneTests(ITestOutputHelper output)
{
    private static readonly string[] Pages = ["/", "/cluster-organisations", "/cluster-organisations/vojvodina-metal-cluster"];

    [Fact]
    public async Task The_readme_run_command_serves_a_styled_site_with_sample_profiles()
    {
        var started = Stopwatch.StartNew();
        var scratch = Directory.CreateDirectory(Path.Combine(BrowserApp.SystemTemp, "clusteratlas-fresh-clone", Guid.NewGuid().ToString("N"))).FullName;
        var clone = Path.Combine(scratch, "repo");
        try
        {
            await RunAsync("git", ["clone", "--quiet", RepositoryRoot(), clone], scratch);
            var port = FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using var server = StartReadmeCommand(clone, port, Path.Combine(scratch, "data"), out var log);
            try
            {
                await WaitUntilReadyAsync(server, baseAddress, log);
                output.WriteLine($"cloned, built and started in {started.Elapsed.TotalSeconds:0} s");
                await AssertStyledAsync(baseAddress, scratch);
                output.WriteLine($"done in {started.Elapsed.TotalSeconds:0} s");
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing its files: the folder is in the system's temp and goes with it.
            }
        }
    }

    private static async Task AssertStyledAsync(Uri baseAddress, string scratch)
    {
        var browserTemp = Directory.CreateDirectory(Path.Combine(scratch, "browser")).FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = BrowserApp.ChromiumArguments,
            Env = new Dictionary<string, string> { ["HOME"] = browserTemp, ["XDG_CONFIG_HOME"] = Path.Combine(browserTemp, "config") },
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        foreach (var path in Pages)
        {
            var assets = new List<IResponse>();
            void Collect(object? sender, IResponse response)
            {
                if (response.Request.ResourceType is "stylesheet" or "script")
                {
                    assets.Add(response);
                }
            }
            page.Response += Collect;
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            page.Response -= Collect;

            Assert.Contains(assets, a => a.Request.ResourceType == "stylesheet");
            foreach (var asset in assets)
            {
                var body = await asset.BodyAsync();
                Assert.True(asset.Status == 200 && body.Length > 0,
                    $"{path}: {asset.Url} answered {asset.Status} with {body.Length} bytes ({await asset.HeaderValueAsync("content-encoding") ?? "not encoded"})");
            }
            // The stylesheets apply: every one has rules, and the body's font is the design's, not the browser's default.
            var emptySheets = await page.EvaluateAsync<string[]>("() => [...document.styleSheets].filter(s => s.cssRules.length === 0).map(s => s.href)");
            Assert.True(emptySheets.Length == 0, $"{path}: stylesheets without rules: {string.Join(", ", emptySheets)}");
            var fonts = await page.EvaluateAsync<string[]>(
                "() => [getComputedStyle(document.documentElement).getPropertyValue('--font').trim(), getComputedStyle(document.body).fontFamily]");
            Assert.False(string.IsNullOrEmpty(fonts[0]), $"{path}: the design's font variable is not set: the stylesheet did not apply");
            Assert.Equal(Normalise(fonts[0]), Normalise(fonts[1]));
        }

        // The first run shows the product: the directory lists the demo profile and about 200 sample profiles.
        await page.GotoAsync("/cluster-organisations");
        var samples = await page.Locator(".badge-sample").CountAsync();
        Assert.True(samples > 0, "the first run's directory shows no sample profile");
        watch.AssertClean();
    }

    private static string Normalise(string fontFamily) => string.Join(',', fontFamily.Split(',').Select(f => f.Trim().Trim('"', '\'')));

    private static Process StartReadmeCommand(string clone, int port, string dataDirectory, out StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = clone,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--project", "src/ClusterAtlas", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        // As a newcomer's shell has it: no environment name (so Production), none of the test runner's build settings.
        foreach (var name in start.Environment.Keys.Where(IsTestRunnerVariable).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ClusterAtlas__DataDirectory"] = dataDirectory;
        start.Environment["TMPDIR"] = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(dataDirectory)!, "tmp")).FullName;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The code analysers only report (the suite's own build ran them on these sources); they add nothing to what the
        // build makes and `dotnet run` serves, and were over a third of the clone's build: 88 s of CPU with them, 54 without.
        start.Environment["RunAnalyzers"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var collected = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (collected) { collected.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (collected) { collected.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = collected;
        return process;
    }

    private static bool IsTestRunnerVariable(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)
        || name.StartsWith("MSBUILD", StringComparison.Ordinal) || name.StartsWith("VSTEST", StringComparison.Ordinal)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.Ordinal) || name is "DOTNET_HOST_PATH" or "MSBuildExtensionsPath" or "MSBuildSDKsPath";

    private static async Task WaitUntilReadyAsync(Process server, Uri baseAddress, StringBuilder log)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        // Restoring and building a clone beside both test passes took over five minutes on a loaded machine; the app
        // itself starts in seconds (its log lines carry their times).
        while (deadline.Elapsed < TimeSpan.FromMinutes(12))
        {
            if (server.HasExited)
            {
                Assert.Fail($"`dotnet run` ended with exit code {server.ExitCode}:\n{log}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Still restoring, building or starting.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(500);
        }
        Assert.Fail($"`dotnet run` did not answer within 12 minutes:\n{log}");
    }

    private static async Task RunAsync(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {errors}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClusterAtlas.slnx")) && Path.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository: no folder above them holds ClusterAtlas.slnx and .git.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

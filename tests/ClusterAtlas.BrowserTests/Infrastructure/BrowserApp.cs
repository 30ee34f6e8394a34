using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// The real application served by Kestrel on 127.0.0.1 and a free port, on a fresh SQLite database with its demo
/// profile, and Debian's Chromium driven by Playwright. Everything either of them writes (database, data-protection
/// keys, browser profile) stays in one temporary folder, removed at the end.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Chromium from the distribution (./test.sh installs it); Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The system's temporary folder as it was when the tests started, before TMPDIR pointed elsewhere.</summary>
    public static readonly string SystemTemp = Path.GetTempPath();

    /// <summary>
    /// TMPDIR of the whole test process (Playwright's driver makes the browsers' throwaway profiles there, SQLite its
    /// temporary files). One folder for every fixture, removed when the process ends: a fixture that pointed TMPDIR
    /// into its own folder once deleted, when it was done, the folder another fixture was still using.
    /// </summary>
    private static readonly Lazy<string> ProcessTemp = new(() =>
    {
        var folder = Directory.CreateDirectory(Path.Combine(SystemTemp, "clusteratlas-browser-tests", $"tmp-{Environment.ProcessId}")).FullName;
        Environment.SetEnvironmentVariable("TMPDIR", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing its files: the folder is in the system's temp and goes with it.
            }
        };
        return folder;
    });

    private readonly string _scratch = Path.Combine(SystemTemp, "clusteratlas-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly List<BrowserTab> _idleTabs = [];
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The application's services (to do what the command line does, such as adding a moderator).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Where the application writes its e-mails (no SMTP server is configured).</summary>
    public string MailDirectory => Path.Combine(_scratch, "data", "mail");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch);
        _app = new KestrelApp(_scratch);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh (it installs Debian's chromium) or apt-get install chromium.");
        }
        _ = ProcessTemp.Value;
        var browserTemp = Directory.CreateDirectory(Path.Combine(_scratch, "browser")).FullName;
        _playwright = await Playwright.CreateAsync();
        // Two cores run the app, the browser and the other test assemblies at once: give page changes time.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            Env = new Dictionary<string, string>
            {
                ["HOME"] = browserTemp,
                ["XDG_CONFIG_HOME"] = Path.Combine(browserTemp, "config"),
                ["XDG_CACHE_HOME"] = Path.Combine(browserTemp, "cache"),
            },
        });
    }

    /// <summary>A new browser session (own cookies) with the given viewport and colour scheme; English unless told.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, string locale = "en-GB")
    {
        return await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = locale,
        });
    }

    /// <summary>
    /// A tab of a session of its own (no cookies), with the given viewport and colour scheme: one the tests used
    /// before, made blank, when there is one for the locale (see <see cref="BrowserTab"/>). Dispose gives it back.
    /// </summary>
    public async Task<BrowserTab> OpenTabAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, string locale = "en-GB")
    {
        BrowserTab? tab;
        lock (_idleTabs)
        {
            tab = _idleTabs.Find(t => t.Locale == locale);
            if (tab is not null)
            {
                _idleTabs.Remove(tab);
            }
        }
        if (tab is null || !await tab.LendAsync(width, height, colorScheme))
        {
            var context = await NewContextAsync(width, height, colorScheme, locale);
            tab = new BrowserTab(this, context, await context.NewPageAsync(), locale);
            if (!await tab.LendAsync(width, height, colorScheme))
            {
                throw new InvalidOperationException("A new browser tab could not be set up: is Chromium still running?");
            }
        }
        return tab;
    }

    internal async Task GiveBackAsync(BrowserTab tab)
    {
        if (await tab.ClearAsync())
        {
            lock (_idleTabs)
            {
                _idleTabs.Add(tab);
            }
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A browser process still closing its files: the folder is in the system's temp and goes with it.
        }
    }

    private sealed class KestrelApp(string scratch) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ClusterAtlas:DataDirectory", Path.Combine(scratch, "data"));
            builder.UseSetting("ClusterAtlas:Database", "Sqlite");
            builder.UseSetting("ClusterAtlas:LoadDemoContent", "true");
            builder.UseSetting("ClusterAtlas:DemoSampleProfiles", "0");
            // Mail made by the outbox's feeders (notifications, saved-search alerts) goes out within a second, not ten.
            builder.UseSetting("ClusterAtlas:Outbox:PollInterval", "00:00:01");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(scratch, "keys"))));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

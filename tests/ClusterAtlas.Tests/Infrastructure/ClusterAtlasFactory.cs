using AngleSharp;
using AngleSharp.Dom;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database of its own: SQLite by default, PostgreSQL when
/// CLUSTERATLAS_TEST_DATABASE=postgres and CLUSTERATLAS_TEST_POSTGRES holds a server's connection string
/// (./test.sh starts one and runs the whole suite once per database).
/// </summary>
public partial class ClusterAtlasFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly string? _postgresDatabase;

    public ClusterAtlasFactory()
        : this(null)
    {
    }

    /// <summary>A host on the data folder and database that <paramref name="previous"/> used: the same installation started again.</summary>
    protected ClusterAtlasFactory(ClusterAtlasFactory? previous)
    {
        _dataDirectory = previous?._dataDirectory ?? Path.Combine(Path.GetTempPath(), "clusteratlas-tests", Guid.NewGuid().ToString("N"));
        _postgresDatabase = previous is not null ? previous._postgresDatabase
            : TestDatabase.IsPostgres ? "clusteratlas_test_" + Guid.NewGuid().ToString("N")[..12] : null;
        _materialised = previous is not null;
    }

    /// <summary>The settings (as environment variables) that point a command-line run at this host's installation.</summary>
    public IReadOnlyDictionary<string, string> CommandLineEnvironment => _postgresDatabase is null
        ? new Dictionary<string, string> { ["ClusterAtlas__DataDirectory"] = _dataDirectory, ["ClusterAtlas__Database"] = "Sqlite" }
        : new Dictionary<string, string>
        {
            ["ClusterAtlas__DataDirectory"] = _dataDirectory,
            ["ClusterAtlas__Database"] = "Postgres",
            ["ConnectionStrings__Default"] = TestDatabase.PostgresConnectionString(_postgresDatabase),
        };

    public string DataDirectory => _dataDirectory;

    /// <summary>Leaves the data folder and database in place on dispose, for a host started on them afterwards.</summary>
    public bool KeepDataOnDispose { get; init; }

    /// <summary>Whether the platform loads its demo profile on start, as it does for a new installation.</summary>
    protected virtual bool LoadDemoContent => true;

    /// <summary>The host names the platform answers for; "*" with no BaseUrl is an installation that trusts no Host header.</summary>
    protected virtual string AllowedHosts => "localhost";

    /// <summary>Sample profiles in the demo content: none unless a test asks, so that tests see only the demo profile.</summary>
    protected virtual int DemoSampleProfiles => 0;

    /// <summary>Posts of one account form a client may make per minute: high, so that tests sharing a host are not refused.</summary>
    protected virtual int AccountFormPostsPerMinute => 10_000;

    /// <summary>
    /// PBKDF2 rounds of the password hashes this host makes. Test hosts make hundreds of accounts and sign-ins, each
    /// a hash that costs the product's 100,000 rounds by design; 1,000 keep the same code path (the hash records its
    /// rounds) at a hundredth of the CPU. <see cref="Accounts.PasswordWorkTests"/> checks the product's own count.
    /// </summary>
    protected virtual int? PasswordHashRounds => 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        StartFromTemplate();
        builder.UseEnvironment("Production");
        builder.UseSetting("ClusterAtlas:DataDirectory", _dataDirectory);
        // As a production configuration names its host: links in mail are made for requests to it.
        builder.UseSetting("AllowedHosts", AllowedHosts);
        builder.UseSetting("ClusterAtlas:LoadDemoContent", LoadDemoContent.ToString());
        builder.UseSetting("ClusterAtlas:DemoSampleProfiles", DemoSampleProfiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ClusterAtlas:Accounts:RateLimitPermits", AccountFormPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ClusterAtlas:Accounts:RateLimitWindowSeconds", "60");
        // Mail goes out promptly in tests: the outbox is looked at often besides the wake-up after each save.
        builder.UseSetting("ClusterAtlas:Outbox:PollInterval", "00:00:00.25");
        if (PasswordHashRounds is { } rounds)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds));
        }
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("ClusterAtlas:Database", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", TestDatabase.PostgresConnectionString(_postgresDatabase));
        }
    }

    /// <summary>Runs work against the application's DbContext in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<ClusterAtlasDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (KeepDataOnDispose)
        {
            return;
        }
        if (Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString("postgres"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A new installation with its whole demo content, as the first start makes it: the demo profile and sample profiles.</summary>
public sealed class FirstRunFactory : ClusterAtlasFactory
{
    public const int SampleProfiles = 200;

    protected override int DemoSampleProfiles => SampleProfiles;

    /// <summary>The first start is what these hosts test.</summary>
    protected override bool StartsFromTemplate => false;
}

/// <summary>A new installation with its demo content switched off: an empty directory.</summary>
public sealed class EmptyDatabaseFactory : ClusterAtlasFactory
{
    protected override bool LoadDemoContent => false;
}

public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CLUSTERATLAS_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable("CLUSTERATLAS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CLUSTERATLAS_TEST_DATABASE=postgres needs CLUSTERATLAS_TEST_POSTGRES (a server connection string); ./test.sh sets both.");
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>A new installation as it comes, nothing about its operator set; it keeps what the application logs.</summary>
public class UnconfiguredInstallationFactory : ClusterAtlasFactory
{
    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>An installation whose operator filled in every public-facing setting.</summary>
public sealed class ConfiguredInstallationFactory : UnconfiguredInstallationFactory
{
    public const string OperatorName = "Klaster mreža Srbije d.o.o.";
    public const string OperatorEmail = "kontakt@klasteri.example.org";
    public const string OperatorPhone = "+381 21 123 4567";
    public const string BaseUrl = "https://clusters.example.org";
    public const string LicenceName = "CC0 1.0";
    public const string LicenceUrl = "https://creativecommons.org/publicdomain/zero/1.0/";
    public const string Issuer = "Klasteri Srbije";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:Operator:Name", OperatorName);
        builder.UseSetting("ClusterAtlas:Operator:Address", "Bulevar oslobođenja 1; 21000 Novi Sad; Serbia");
        builder.UseSetting("ClusterAtlas:Operator:Email", OperatorEmail);
        builder.UseSetting("ClusterAtlas:Operator:Phone", OperatorPhone);
        builder.UseSetting("ClusterAtlas:BaseUrl", BaseUrl);
        builder.UseSetting("ClusterAtlas:DataLicence:Name", LicenceName);
        builder.UseSetting("ClusterAtlas:DataLicence:Url", LicenceUrl);
        builder.UseSetting("ClusterAtlas:Accounts:AuthenticatorIssuer", Issuer);
    }
}

/// <summary>Keeps every log entry at Warning and above (the tests' minimum level), to check what the operator is told.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Collecting(_entries);

    public void Dispose()
    {
    }

    private sealed class Collecting(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}

/// <summary>An installation with one setting given a wrong value: it must refuse to start, naming the setting.</summary>
public sealed class MisconfiguredInstallationFactory(string setting, string value) : ClusterAtlasFactory
{
    /// <summary>The start itself is under test, on a database of its own.</summary>
    protected override bool StartsFromTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(setting, value);
    }
}

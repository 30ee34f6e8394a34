using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ClusterAtlas.Tests.Api;

/// <summary>An installation of its own for the write API's tests, which change the demo profile.</summary>
public sealed class WriteApiFactory : ClusterAtlasFactory;

/// <summary>An installation that lets one token make two writes a minute.</summary>
public sealed class ThrottledWritesFactory : ClusterAtlasFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:Api:WritesPerMinute", "2");
    }
}

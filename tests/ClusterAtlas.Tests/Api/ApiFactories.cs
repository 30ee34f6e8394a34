using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ClusterAtlas.Tests.Api;

/// <summary>The demo profile and a few sample profiles, so that the search has pages to link.</summary>
public sealed class ApiFactory : ClusterAtlasFactory
{
    protected override int DemoSampleProfiles => 5;
}

/// <summary>An installation that lets one client make two API requests a minute.</summary>
public sealed class ThrottledApiFactory : ClusterAtlasFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:Api:RequestsPerMinute", "2");
    }
}

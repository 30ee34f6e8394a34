using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ClusterAtlas.Tests.Newsletter;

/// <summary>The platform with the weekly digest sent only when a test runs the job for a week of its choice.</summary>
public sealed class NewsletterFactory : ClusterAtlasFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:Newsletter:SendDigestAutomatically", "false");
    }
}

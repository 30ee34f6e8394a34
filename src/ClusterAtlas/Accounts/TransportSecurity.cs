using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClusterAtlas.Accounts;

/// <summary>
/// What keeps sessions on the wire and in the browser: every cookie HttpOnly, SameSite at least Lax and Secure on HTTPS
/// (plain HTTP stays usable for a local run, where a Secure cookie would never come back); HSTS outside Development;
/// the client's address and scheme taken from X-Forwarded-* only when the request comes from a proxy named in
/// <c>ClusterAtlas:TrustedProxies</c>, never from anyone else (the sign-in throttles count per client address).
/// </summary>
public static class TransportSecurity
{
    public const string TrustedProxiesSetting = "ClusterAtlas:TrustedProxies";

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.SameAsRequest;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
        });
        // A year, as browsers' preload rules ask; sub-domains are left to the operator (they may not all serve HTTPS).
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in TrustedProxies(configuration))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return services;
    }

    /// <summary>Before anything that reads the client's address or scheme (HSTS, throttles, links).</summary>
    public static WebApplication UseForwardedHeadersOfTrustedProxies(this WebApplication app)
    {
        if (TrustedProxies(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>Addresses or networks (CIDR), separated by ";" or ",". A malformed entry stops the start with its name.</summary>
    public static string[] TrustedProxies(IConfiguration configuration)
    {
        var entries = (configuration[TrustedProxiesSetting] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) ? !System.Net.IPNetwork.TryParse(entry, out _) : !IPAddress.TryParse(entry, out _))
            {
                throw new InvalidOperationException(
                    $"{TrustedProxiesSetting}: \"{entry}\" is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }
        return entries;
    }
}

using System.Net;
using ClusterAtlas.Data;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Links;

/// <summary>
/// The platform's own address, for the absolute links that mails and API answers carry. It comes from configuration,
/// never from what a request claims: ClusterAtlas:BaseUrl when set; else the request's host when AllowedHosts names
/// the hosts (the host-filtering middleware has refused every other); else the request's host only when the request
/// came over this machine's loopback to a loopback name (someone trying the platform on their own computer).
/// Anything else (a Host header sent by anyone, with AllowedHosts "*") gives no address.
/// </summary>
public sealed class PublicAddress(IOptions<ClusterAtlasOptions> options, IConfiguration configuration, IHttpContextAccessor http)
{
    public string? ConfiguredBaseUrl => string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : options.Value.BaseUrl.TrimEnd('/');

    /// <summary>AllowedHosts lists host names (not "*"): requests for any other host never reach the app.</summary>
    public bool HostsAreRestricted => IsRestricted(configuration["AllowedHosts"]);

    /// <summary>The address to put in front of a path, or null when no trusted one is known for this request.</summary>
    public string? TrustedBaseUrl()
    {
        if (ConfiguredBaseUrl is { } configured)
        {
            return configured;
        }
        if (http.HttpContext?.Request is not { } request || !request.Host.HasValue)
        {
            return null;
        }
        var fromRequest = $"{request.Scheme}://{request.Host}{request.PathBase}";
        if (HostsAreRestricted)
        {
            return fromRequest;
        }
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote) && IsLoopbackName(request.Host.Host) ? fromRequest : null;
    }

    public static bool IsRestricted(string? allowedHosts) =>
        !string.IsNullOrWhiteSpace(allowedHosts)
        && allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(h => h != "*");

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

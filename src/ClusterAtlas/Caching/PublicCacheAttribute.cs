using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Caching;

/// <summary>
/// Marks a public page or API read as kept in the output cache for anonymous readers, tagged with what it shows
/// (<see cref="ContentTags"/>). The rules, all here:
/// <list type="bullet">
/// <item>only GET and HEAD without the sign-in cookie, an <c>Authorization</c> header or <c>If-Match</c> are served from
/// or stored in the cache: a signed-in reader (even one whose cookie has expired) is always rendered for;</item>
/// <item>varied by the language the page is rendered in (the culture the request localisation chose from the language
/// cookie or Accept-Language, not the raw headers), every query parameter, Accept-Encoding (the stored bytes are
/// compressed), whether the request came over loopback (links made from the request's host), and by method, scheme,
/// host and path as every key is;</item>
/// <item>stored only for a 200 answer that sets no cookie and is not marked <c>no-store</c> or <c>private</c> (a page
/// that made an antiforgery token is <c>no-store</c>), and only if no content changed while it was made.</item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PublicCacheAttribute(params string[] shows) : Attribute, IOutputCachePolicy
{
    public IReadOnlyList<string> Tags { get; } = [ContentTags.All, .. shows];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value;
        var cacheable = settings.Enabled && IsAnonymousRead(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = settings.Duration;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // Without a configured address, links are absolute only for a request from this machine (Links/PublicAddress).
        context.CacheVaryByRules.VaryByValues["loopback"] = http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote) ? "1" : "0";
        foreach (var tag in Tags)
        {
            context.Tags.Add(tag);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>A read that no sign-in can have shaped: no account cookie, no token, no user.</summary>
    public static bool IsAnonymousRead(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !HasSignInCookie(http)
            && request.Headers.Authorization.Count == 0
            && request.Headers.IfMatch.Count == 0
            && http.User.Identity?.IsAuthenticated != true;
    }

    /// <summary>Whether the request brings the account cookie (valid or not: either way it is not an anonymous reader's request).</summary>
    public static bool HasSignInCookie(HttpContext http)
    {
        var name = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        // Large cookies are split in chunks named name, nameC1, ...; the first carries the name itself.
        return name is not null && http.Request.Cookies.ContainsKey(name);
    }
}

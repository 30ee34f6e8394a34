using System.Globalization;
using System.Threading.RateLimiting;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>Settings under "ClusterAtlas:Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "ClusterAtlas:Accounts";

    /// <summary>How many times one client (IP address) may post one sign-in, registration or password form per window.</summary>
    public int RateLimitPermits { get; set; } = 10;

    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>The name authenticator apps show next to the codes for this platform (the otpauth issuer).</summary>
    public string AuthenticatorIssuer { get; set; } = "ClusterAtlas";
}

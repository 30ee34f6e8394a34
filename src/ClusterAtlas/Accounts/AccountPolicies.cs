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

public static class AccountPolicies
{
    /// <summary>Moderators and administrators, signed in with two-factor authentication set up.</summary>
    public const string Moderator = "Moderator";

    /// <summary>Administrators, with two-factor authentication set up.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Resource-based: may the user edit this profile (see <see cref="ProfileEditingHandler"/>).</summary>
    public const string EditProfile = "EditProfile";
}

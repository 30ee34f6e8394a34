using System.Net;
using System.Net.Sockets;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>How many failures within which window block an attempt, and for how long.</summary>
public sealed record ThrottleRule(string Purpose, int MaxFailures, TimeSpan Window, TimeSpan BlockFor)
{
    /// <summary>Wrong passwords for one e-mail address from one client address: a guesser is stopped, the owner elsewhere is not.</summary>
    public static readonly ThrottleRule SignInFromAddress = new("sign-in", 5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    /// <summary>The backstop over every address, against guessing spread over many addresses; high, since anyone can add to it.</summary>
    public static readonly ThrottleRule SignInFromAnyAddress = new("sign-in-any", 100, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    /// <summary>Wrong current passwords of a signed-in account (change password, delete, two-factor, e-mail pages).</summary>
    public static readonly ThrottleRule CurrentPassword = new("current-password", 5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
}

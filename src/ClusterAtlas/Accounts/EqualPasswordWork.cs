using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The password hashing an answer about an address without an account does anyway, so that it takes as long as the
/// answer about an account (sign-in: about 100 ms of PBKDF2 either way; registration: a hash either way).
/// </summary>
public sealed class EqualPasswordWork(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new();

    /// <summary>The hash of a random password nobody knows, made once with the same hasher as real ones.</summary>
    private static string? s_placeholderHash;

    /// <summary>Checks <paramref name="password"/> as a sign-in would, against a hash it can never match.</summary>
    public void VerifyForNoAccount(string password)
    {
        var hash = s_placeholderHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }

    /// <summary>Hashes <paramref name="password"/> as creating an account would, and forgets the result.</summary>
    public void HashForNoAccount(string password) => hasher.HashPassword(Nobody, password);
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClusterAtlas.Mail;

/// <summary>
/// The tokens of links in mail that act without signing in (unsubscribe, confirm, manage): a payload protected by Data
/// Protection for one purpose only, so a token can be neither forged nor used for another purpose. The keys live in the
/// database, so a link works on every instance and after restarts.
/// </summary>
public sealed class MailLinkTokens(IDataProtectionProvider provider)
{
    /// <summary>Longer than any token made here: a longer one is refused without decrypting it.</summary>
    private const int MaxTokenLength = 2000;

    public string Protect(string purpose, string payload) => provider.CreateProtector(purpose).Protect(payload);

    /// <summary>The payload, or null when the token was not made for <paramref name="purpose"/> (cut off, altered, another purpose).</summary>
    public string? Unprotect(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        try
        {
            return provider.CreateProtector(purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Pages;

/// <summary>
/// The one rule for "go back to where you were" addresses that arrive in a query string: only a path of this site
/// (never another host, never "~/"), written with ASCII only, because it becomes a Location header and headers
/// refuse non-ASCII characters ("/cluster-organisations/ćao" would otherwise break the response).
/// </summary>
public static class LocalReturnUrl
{
    public static string? TryNormalise(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.StartsWith('~') || !RedirectHttpResult.IsLocalUrl(returnUrl))
        {
            return null;
        }
        return AsciiOnly(returnUrl);
    }

    public static string Normalise(string? returnUrl, string fallback = "/") => TryNormalise(returnUrl) ?? fallback;

    /// <summary>Percent-encodes (as UTF-8) every character outside printable ASCII; leaves the rest as it is.</summary>
    private static string AsciiOnly(string url)
    {
        if (url.All(c => c is >= ' ' and <= '~'))
        {
            return url;
        }
        var builder = new StringBuilder(url.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is >= ' ' and <= '~')
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}

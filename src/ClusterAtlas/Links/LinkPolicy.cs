namespace ClusterAtlas.Links;

/// <summary>
/// The one rule for every link the platform stores or renders, whichever way it came in (the profile form, an
/// import, Markdown, later the API): absolute, http, https or mailto, at most <see cref="MaxLength"/> characters,
/// no white space or control characters, and a web address names a host with a dot. Anything else ("javascript:",
/// "data:", a relative path) is never a link: forms refuse it, imports leave it out and say so, pages show it as text.
/// </summary>
public static class LinkPolicy
{
    public const int MaxLength = 2048;

    /// <summary>A link a page may render: a web address or a mailto: address.</summary>
    public static bool IsAllowed(string? url) =>
        IsWebAddress(url) || (Parse(url) is { Scheme: "mailto" } mail && mail.OriginalString.Length > "mailto:".Length);

    /// <summary>An http or https address of a named host ("https://www.example.org/path").</summary>
    public static bool IsWebAddress(string? url) =>
        Parse(url) is { } uri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.', StringComparison.Ordinal) && !uri.Host.StartsWith('.') && !uri.Host.EndsWith('.');

    /// <summary>
    /// What to store for a web address typed or imported as people write them: trimmed, "www.example.org" given
    /// https://; null when it is not a web address under this policy.
    /// </summary>
    public static string? NormaliseWebAddress(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!value.Contains("://", StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal))
        {
            value = "https://" + value;
        }
        return IsWebAddress(value) ? value : null;
    }

    /// <summary>The href for a stored web address (rows stored before this policy may lack their scheme), or null to show it as text.</summary>
    public static string? Href(string? stored) => NormaliseWebAddress(stored);

    private static Uri? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
    }
}

using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using ClusterAtlas.Links;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The absolute links that e-mails and the command line hand out, in front of the platform's trusted address
/// (<see cref="PublicAddress"/>): never the Host header of whoever sent the request. Without a trusted address a
/// request cannot make a link (and so no mail with one goes out); the command line, outside any request, falls back
/// to http://localhost:5000 and says so.
/// </summary>
public sealed class AccountLinks(PublicAddress address, IHttpContextAccessor http)
{
    public const string FallbackBaseUrl = "http://localhost:5000";

    /// <summary>Whether ClusterAtlas:BaseUrl is set: without it, a link made outside a request (the command line) cannot know the address.</summary>
    public bool HasConfiguredBaseUrl => address.ConfiguredBaseUrl is not null;

    public string BaseUrl =>
        address.TrustedBaseUrl()
        ?? (http.HttpContext is null
            ? FallbackBaseUrl
            : throw new UntrustedAddressException(
                "No link can be made for this request: set ClusterAtlas:BaseUrl to the platform's public address (or AllowedHosts to its host names). "
                + "Links are never taken from the Host header a request brings."));

    public string ConfirmEmail(string userId, string token, string? returnUrl = null) =>
        $"{BaseUrl}/account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={EncodeToken(token)}"
        + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));

    public string ConfirmEmailChange(string userId, string newEmail, string token) =>
        $"{BaseUrl}/account/confirm-email-change?userId={Uri.EscapeDataString(userId)}&email={Uri.EscapeDataString(newEmail)}&code={EncodeToken(token)}";

    public string ResetPassword(string userId, string token) =>
        $"{BaseUrl}/account/reset-password?userId={Uri.EscapeDataString(userId)}&code={EncodeToken(token)}";

    public string SetPassword(string userId, string token) => BaseUrl + SetPasswordPath(userId, token);

    public static string SetPasswordPath(string userId, string token) =>
        $"/account/set-password?userId={Uri.EscapeDataString(userId)}&code={EncodeToken(token)}";

    /// <summary>Identity's tokens hold characters that do not survive in a URL or a mail program; base64url does.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

using System.Text;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The absolute links that e-mails and the command line hand out. They start with ClusterAtlas:BaseUrl when it
/// is set (set it in production: a link must not follow whatever Host header a request came with), else with the
/// current request's address, else http://localhost:5000.
/// </summary>
public sealed class AccountLinks(IOptions<ClusterAtlasOptions> options, IHttpContextAccessor http)
{
    public const string FallbackBaseUrl = "http://localhost:5000";

    /// <summary>Whether ClusterAtlas:BaseUrl is set: without it, a link made outside a request (the command line) cannot know the address.</summary>
    public bool HasConfiguredBaseUrl => !string.IsNullOrWhiteSpace(options.Value.BaseUrl);

    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
            {
                return options.Value.BaseUrl.TrimEnd('/');
            }
            return http.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : FallbackBaseUrl;
        }
    }

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

using System.Security.Claims;
using System.Text.Encodings.Web;
using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.AccessTokens;

/// <summary>
/// The "Bearer" scheme of the API (RFC 6750): a request with <c>Authorization: Bearer clat_…</c> acts as the token's
/// account, with the token's scope. Used only by the API's endpoints; the site's cookie never authenticates an API
/// request, so a page cannot be tricked into writing through the API with a visitor's session.
/// </summary>
public sealed class AccessTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    private const string Realm = "ClusterAtlas API";

    /// <summary>Whether the request names a token at all (a request without one is anonymous, not refused).</summary>
    public static bool HasToken(HttpRequest request) => request.Headers.Authorization.Count > 0;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer\" followed by an access token.");
        }
        var found = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is not var (token, account))
        {
            return AuthenticateResult.Fail("The access token is not valid: unknown, expired or revoked.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(ClaimTypes.Name, account.Email ?? account.Id),
            new Claim(AccountClaims.DisplayName, account.DisplayName),
            new Claim(AccessTokenClaims.TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(AccessTokenClaims.Scope, token.Scope.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var given = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = given
            ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"unknown, expired or revoked\""
            : $"Bearer realm=\"{Realm}\"";
        await TypedResults.Problem(
            detail: given
                ? "The access token is not valid: it is unknown, expired or revoked, or the header is not \"Authorization: Bearer <token>\"."
                : "This needs an access token: send \"Authorization: Bearer <token>\" with a token made on your account's page /account/tokens.",
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["header"] = "Authorization" }).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", scope=\"write\"";
        await TypedResults.Problem(
            detail: "This access token may only read; writing needs a token with the write scope.",
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["header"] = "Authorization" }).ExecuteAsync(Context);
    }
}

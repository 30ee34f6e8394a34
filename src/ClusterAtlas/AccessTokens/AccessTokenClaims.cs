using System.Security.Claims;

namespace ClusterAtlas.AccessTokens;

/// <summary>The claims of a request authenticated by an access token, besides the account's id and name.</summary>
public static class AccessTokenClaims
{
    public const string TokenId = "clusteratlas:token_id";
    public const string Scope = "clusteratlas:token_scope";

    public static int? AccessTokenId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TokenId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool MayWrite(this ClaimsPrincipal user) => user.FindFirstValue(Scope) == nameof(AccessTokenScope.Write);
}

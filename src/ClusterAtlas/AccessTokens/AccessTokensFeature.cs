using ClusterAtlas.Caching;
using Microsoft.AspNetCore.Authentication;

namespace ClusterAtlas.AccessTokens;

/// <summary>Members' access tokens of the API: the store, the Bearer scheme and the policy of writes (docs/decisions/0020).</summary>
public static class AccessTokensFeature
{
    /// <summary>Authenticated by a token (never the cookie) with the write scope.</summary>
    public const string WritePolicy = "ApiWrite";

    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.AddCacheTags<AccessToken>(); // private to its owner
        services.AddScoped<AccessTokenStore>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(WritePolicy, policy => policy
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(AccessTokenClaims.Scope, nameof(AccessTokenScope.Write)));
        return services;
    }
}

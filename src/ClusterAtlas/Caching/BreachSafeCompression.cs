using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Caching;

/// <summary>
/// Response compression that leaves out every answer where BREACH could read a secret: an attacker who can make a
/// victim's browser send requests with text of their choosing, and watch the compressed length, can guess a secret in
/// the same answer letter by letter. So nothing is compressed that a signed-in request (the sign-in cookie or a token)
/// receives, nor any answer marked <c>no-store</c> or <c>private</c>: every page that made an antiforgery token is
/// <c>no-store</c>, and so are the pages that show a new token or personal data. What is left is what every anonymous
/// reader gets alike, which holds no secret.
/// </summary>
public sealed class BreachSafeCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cacheControl = context.Response.Headers.CacheControl.ToString();
        return base.ShouldCompressResponse(context)
            && !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            && context.Request.Headers.Authorization.Count == 0
            && !PublicCacheAttribute.HasSignInCookie(context)
            && context.User.Identity?.IsAuthenticated != true;
    }
}

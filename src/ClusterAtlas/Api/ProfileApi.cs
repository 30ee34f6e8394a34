using ClusterAtlas.Caching;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ClusterAtlas.AccessTokens;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Api;

/// <summary>
/// GET /api/v1/cluster-organisations/{slug}: one published profile with every public field; with a member's access
/// token also the contacts shown to members, and with a token of one of its administrators every contact and the
/// profile even before it is published (its writes are in <see cref="ProfileWriteApi"/>).
/// </summary>
public static class ProfileApi
{
    public const string OperationId = "GetClusterOrganisation";

    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/cluster-organisations/{slug}", ApiFeature.ReadMethods, GetAsync)
            .CacheForReaders(ContentTags.Profiles, ContentTags.Vocabularies) // a token's request is never cached
            .WithName(OperationId)
            .WithSummary("One published cluster organisation, with every public field of its profile.")
            .WithDescription("Without a token, the profile as its page shows it to a visitor who is not signed in: contacts of team members shown to members only are left out. "
                + "With a member's access token (Authorization: Bearer), also those contacts, as the page shows them to a signed-in member; with a token of one of the profile's "
                + "administrators, every contact (as the edit form shows them) and the profile even when it is not published. Answers to a token are private (Cache-Control: private).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Cluster organisations");
        return api.MapProfileWriteApi();
    }

    private static async Task<Results<ApiAnswer<JsonObject>, ProblemHttpResult, ChallengeHttpResult>> GetAsync(
        string slug, HttpContext context, ProfileQueries queries, ClusterAtlasDbContext db, PublicAddress address, IOptions<DataLicenceOptions> licence,
        CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(context);
        if (caller is null)
        {
            return TypedResults.Challenge(authenticationSchemes: [AccessTokenAuthentication.SchemeName]);
        }
        var profile = (await queries.FindPublishedAsync(slug, cancellationToken))?.Profile;
        var editor = caller.UserId() is { } userId && await db.ProfileAdministrators.AnyAsync(
            a => a.ClusterOrganisation.Slug == slug && a.UserId == userId, cancellationToken);
        if (profile is null && editor)
        {
            profile = await db.ClusterOrganisations.AsNoTracking().WithContent().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        }
        if (profile is null)
        {
            return ApiFeature.NotFound($"No published cluster organisation has the slug \"{slug}\".", "slug");
        }
        var audience = editor ? ContactAudience.Editors : caller.Identity?.IsAuthenticated == true ? ContactAudience.Members : ContactAudience.Everyone;
        return ApiAnswer.Of(ProfileJson.Write(profile, address.TrustedBaseUrl() ?? "", licence.Value, audience), personal: audience != ContactAudience.Everyone);
    }

    /// <summary>
    /// Who reads: the account of the request's access token, an anonymous reader when there is none (never the site's
    /// cookie), or null when a token was sent but is not valid (the reader expects to be recognised: 401, not less data).
    /// </summary>
    public static async Task<ClaimsPrincipal?> CallerAsync(HttpContext context)
    {
        if (!AccessTokenAuthentication.HasToken(context.Request))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var result = await context.AuthenticateAsync(AccessTokenAuthentication.SchemeName);
        return result.Succeeded ? result.Principal : null;
    }
}

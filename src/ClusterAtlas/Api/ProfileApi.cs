using System.Text.Json.Nodes;
using ClusterAtlas.Links;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Api;

/// <summary>GET /api/v1/cluster-organisations/{slug}: one published profile with every public field.</summary>
public static class ProfileApi
{
    public const string OperationId = "GetClusterOrganisation";

    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/cluster-organisations/{slug}", ApiFeature.ReadMethods, GetAsync)
            .WithName(OperationId)
            .WithSummary("One published cluster organisation, with every public field of its profile.")
            .WithDescription("The profile as its page shows it to a visitor who is not signed in: contacts of team members that the profile shows to members only are left out (access tokens for members will come later).")
            .WithTags("Cluster organisations");
        return api;
    }

    private static async Task<Results<ApiAnswer<JsonObject>, ProblemHttpResult>> GetAsync(
        string slug, ProfileQueries queries, PublicAddress address, IOptions<DataLicenceOptions> licence, CancellationToken cancellationToken)
    {
        var view = await queries.FindPublishedAsync(slug, cancellationToken);
        if (view is null)
        {
            return ApiFeature.NotFound($"No published cluster organisation has the slug \"{slug}\".", "slug");
        }
        return ApiAnswer.Of(ProfileJson.Write(view.Profile, address.TrustedBaseUrl() ?? "", licence.Value));
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ClusterAtlas.Api;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Pages;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The published profiles of an export as the API's JSON, a batch at a time: whole profiles are loaded without
/// tracking, in the order of their ids, by ranges of the ids wanted (keyset pagination), so memory holds one batch
/// whatever the number of profiles exported.
/// </summary>
public sealed class ProfileExportBatches(ClusterAtlasDbContext db, PublicAddress address, IOptions<DataLicenceOptions> licence)
{
    public const int BatchSize = 200;

    public DataLicenceOptions Licence => licence.Value;

    /// <summary>The ids of every published profile, in order: an export of the whole directory.</summary>
    public async Task<IReadOnlyList<int>> AllPublishedAsync(CancellationToken cancellationToken) =>
        await db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Published).OrderBy(p => p.Id).Select(p => p.Id)
            .ToListAsync(cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> ReadAsync(IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var baseUrl = address.TrustedBaseUrl() ?? "";
        foreach (var chunk in ids.Distinct().Order().Chunk(BatchSize))
        {
            var (first, last) = (chunk[0], chunk[^1]);
            var profiles = await db.ClusterOrganisations.AsNoTracking().WithContent()
                .Where(p => p.Id >= first && p.Id <= last && chunk.Contains(p.Id) && p.Status == ProfileStatus.Published)
                .OrderBy(p => p.Id)
                .ToListAsync(cancellationToken);
            yield return [.. profiles.Select(p => ProfileJson.Write(p, baseUrl, licence.Value))];
        }
    }
}

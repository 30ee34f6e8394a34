using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A profile's open postings as its page lists them (one indexed query, kept until content changes); its editors also
/// get the link to post one.
/// </summary>
public sealed record ProfilePostingsBlock(string Slug, bool MayEdit, IReadOnlyList<PartnerSearchPosting> Postings)
{
    /// <summary>Whether the page shows the block: its editors see it empty too, with the link to post one.</summary>
    public bool Shown => Postings.Count > 0 || MayEdit;

    /// <summary>
    /// The request's DbContext is asked of <paramref name="requestServices"/> only when the kept list has to be read:
    /// building one was a noticeable part of a page that makes no query.
    /// </summary>
    public static async Task<ProfilePostingsBlock> LoadAsync(int profileId, string slug, bool mayEdit, ContentReadCache cache,
        IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var postings = await cache.GetOrLoadAsync<IReadOnlyList<PartnerSearchPosting>>($"profile-postings:{profileId}", async token =>
            await requestServices.GetRequiredService<ClusterAtlasDbContext>().Set<PartnerSearchPosting>().AsNoTracking()
                .Where(p => p.ProfileId == profileId && p.Status == PostingStatus.Open)
                .OrderBy(p => p.Deadline).ThenBy(p => p.Id)
                .Take(10)
                .ToListAsync(token), cancellationToken);
        return new ProfilePostingsBlock(slug, mayEdit, postings);
    }
}

using ClusterAtlas.Caching;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// A profile's open postings, listed on its page (one indexed query, kept until content changes); its editors also get
/// the link to post one.
/// </summary>
public sealed class ProfilePostingsViewComponent(ClusterAtlasDbContext db, ContentReadCache cache) : ViewComponent
{
    public sealed record Model(string Slug, bool MayEdit, IReadOnlyList<PartnerSearchPosting> Postings);

    public async Task<IViewComponentResult> InvokeAsync(int profileId, string slug, bool mayEdit)
    {
        var postings = await cache.GetOrLoadAsync<IReadOnlyList<PartnerSearchPosting>>($"profile-postings:{profileId}", async cancellationToken =>
            await db.Set<PartnerSearchPosting>().AsNoTracking()
                .Where(p => p.ProfileId == profileId && p.Status == PostingStatus.Open)
                .OrderBy(p => p.Deadline).ThenBy(p => p.Id)
                .Take(10)
                .ToListAsync(cancellationToken), HttpContext.RequestAborted);
        return View("/PartnerSearch/_ProfilePostings.cshtml", new Model(slug, mayEdit, postings));
    }
}

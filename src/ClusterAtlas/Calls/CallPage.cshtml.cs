using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>A call's page; a member who administers published profiles can start a partner search for it from here.</summary>
[PublicCache(ContentTags.Calls, ContentTags.Profiles, ContentTags.Postings, ContentTags.Vocabularies)]
public class CallPageModel(ClusterAtlasDbContext db, ProfileColleagues colleagues, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public FundingCall Call { get; private set; } = null!;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>The published profiles the signed-in member may post a partner search for.</summary>
    public IReadOnlyList<AdministeredProfile> PostFor { get; private set; } = [];

    public bool MayEdit { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var call = await db.Set<FundingCall>().AsNoTracking().Include(c => c.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        if (User.UserId() is { } userId)
        {
            PostFor = [.. (await colleagues.AdministeredByAsync(userId, cancellationToken)).Where(p => p.Status == Profiles.ProfileStatus.Published)];
            MayEdit = (await authorization.AuthorizeAsync(User, AccountPolicies.Moderator)).Succeeded;
        }
        return Page();
    }
}

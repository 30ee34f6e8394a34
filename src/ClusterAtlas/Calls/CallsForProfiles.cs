using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>The open calls that fit each profile a member administers, with the reasons in words.</summary>
public sealed class CallsForProfiles(ClusterAtlasDbContext db, CallSearch search, CallReasons reasons, TimeProvider clock)
{
    public sealed record ForProfile(string Slug, string Name, bool Published, IReadOnlyList<(RankedCall Call, string Reasons)> Calls);

    public async Task<IReadOnlyList<ForProfile>> ForMemberAsync(string userId, int perProfile, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fields = CallForm.TermFields.Select(f => f.Field).ToList();
        var profiles = await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ClusterOrganisation.Name).ThenBy(a => a.ClusterOrganisation.Slug)
            .Select(a => new
            {
                a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name, a.ClusterOrganisation.Status, a.ClusterOrganisation.CountryCode,
                Terms = a.ClusterOrganisation.Terms.Where(t => fields.Contains(t.Field)).Select(t => new { t.Field, t.VocabularyTermId }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (profiles.Count == 0)
        {
            return [];
        }
        var open = await search.SummariesAsync(c => c.ClosesAt > now, cancellationToken);
        return [.. profiles.Select(p =>
        {
            IReadOnlySet<int> Of(ProfileField field) => p.Terms.Where(t => t.Field == field).Select(t => t.VocabularyTermId).ToHashSet();
            var fit = new CallFit(p.CountryCode, Of(ProfileField.SectoralIndustry), Of(ProfileField.TechnologyField), Of(ProfileField.S3PriorityArea));
            var ranked = CallRanking.Rank(fit, open, now).Take(perProfile).Select(r => (r, reasons.Explain(r, p.CountryCode))).ToList();
            return new ForProfile(p.Slug, p.Name, p.Status == ProfileStatus.Published, ranked);
        })];
    }
}

using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Profiles;

/// <summary>The one way to load a whole profile: every row group in its order and the terms with their vocabulary entries.</summary>
public static class ProfileContentQuery
{
    public static IQueryable<ClusterOrganisation> WithContent(this IQueryable<ClusterOrganisation> profiles) => profiles
        .Include(p => p.ManagementTeam.OrderBy(m => m.SortOrder))
        .Include(p => p.SupportFacilities.OrderBy(f => f.SortOrder))
        .Include(p => p.MajorPlayers.OrderBy(m => m.SortOrder))
        .Include(p => p.CollaboratingClusters.OrderBy(c => c.SortOrder))
        .Include(p => p.SupportProgrammes.OrderBy(s => s.SortOrder))
        .Include(p => p.SuccessStories.OrderBy(s => s.SortOrder))
        .Include(p => p.Terms).ThenInclude(t => t.Term)
        .AsSplitQuery();
}

using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>One page of a longer list, with the page asked for brought into range.</summary>
public sealed record Paged<TItem>(IReadOnlyList<TItem> Items, int Page, int PageCount, int Total);

public static class Paging
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page asked for, or the nearest that exists.</summary>
    public static int InRange(int page, int pageCount) => Math.Clamp(page, 1, pageCount);
}

/// <summary>A submitted profile as the queue lists it.</summary>
public sealed record QueueEntry(int Id, string Name, string Country, DateTimeOffset? SubmittedAt, int CriteriaMet, int CriteriaCount, IReadOnlyList<string> ClusterProgrammes);

/// <summary>A change to a published profile, readable, with what a revert of it would mean.</summary>
/// <param name="RevertedBy">The revision that already undid this change, if one did.</param>
/// <param name="ChangedLater">The labels of this change's fields that later revisions changed again (a revert replaces those later values too).</param>
public sealed record EditEntry(ProfileRevision Revision, string ProfileSlug, string ProfileName, ProfileStatus ProfileStatusNow,
    IReadOnlyList<FieldChange> Changes, ProfileRevision? RevertedBy, IReadOnlyList<string> ChangedLater);

/// <summary>The lists of the moderation pages.</summary>
public sealed class ModerationQueries(ClusterAtlasDbContext db, ProfileEditor editor, CountryList countries, IStringLocalizer<SharedResource> T)
{
    public const int QueuePageSize = 50;
    public const int EditsPageSize = 20;
    public const int AuditPageSize = 50;

    /// <summary>Submitted profiles, the longest waiting first, with what the criteria checklist says of each.</summary>
    public async Task<Paged<QueueEntry>> QueueAsync(int page, CancellationToken cancellationToken)
    {
        var submitted = db.ClusterOrganisations.AsNoTracking().Where(p => p.Status == ProfileStatus.Submitted);
        var total = await submitted.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, QueuePageSize);
        page = Paging.InRange(page, pageCount);
        var rows = await submitted
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * QueuePageSize).Take(QueuePageSize)
            .Select(p => new
            {
                p.Id, p.Name, p.CountryCode, p.SubmittedAt, p.ManagementTeamFte, p.Website, p.TotalMembers, p.SmeMembers, p.StartupMembers,
                p.LargeCompanyMembers, p.ResearchOrganisationMembers, p.OtherEcosystemActors,
                Programmes = p.SupportProgrammes.Select(s => new { s.Name, s.Level, s.SortOrder }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new([.. rows.Select(r =>
        {
            // What the criteria read, and nothing more.
            var form = new ProfileForm
            {
                ManagementTeamFte = r.ManagementTeamFte, Website = r.Website, TotalMembers = r.TotalMembers, SmeMembers = r.SmeMembers,
                StartupMembers = r.StartupMembers, LargeCompanyMembers = r.LargeCompanyMembers,
                ResearchOrganisationMembers = r.ResearchOrganisationMembers, OtherEcosystemActors = r.OtherEcosystemActors,
                SupportProgrammes = [.. r.Programmes.OrderBy(s => s.SortOrder).Select(s => new ProgrammeRow { Name = s.Name, Level = s.Level })],
            };
            var criteria = ValidationCriteria.Check(form, T);
            return new QueueEntry(r.Id, r.Name, countries.LocalisedName(r.CountryCode), r.SubmittedAt, criteria.Count(c => c.Met), criteria.Count,
                ValidationCriteria.ClusterProgrammes(form));
        })], page, pageCount, total);
    }

    /// <summary>Saves of published profiles, newest first, each with its readable diff.</summary>
    public async Task<Paged<EditEntry>> EditsAsync(int page, CancellationToken cancellationToken)
    {
        var published = db.ProfileRevisions.AsNoTracking().Where(r => r.ProfileStatus == ProfileStatus.Published);
        var total = await published.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, EditsPageSize);
        page = Paging.InRange(page, pageCount);
        var rows = await published
            .OrderByDescending(r => r.Id)
            .Skip((page - 1) * EditsPageSize).Take(EditsPageSize)
            .Select(r => new { Revision = r, r.ClusterOrganisation.Slug, r.ClusterOrganisation.Name, r.ClusterOrganisation.Status })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new([], page, pageCount, total);
        }

        var ids = rows.Select(r => r.Revision.Id).ToList();
        var profileIds = rows.Select(r => r.Revision.ClusterOrganisationId).Distinct().ToList();
        var oldest = ids.Min();
        // The later saves of the same profiles: which of them undid a change here, and which changed its fields again.
        var later = await db.ProfileRevisions.AsNoTracking()
            .Where(r => profileIds.Contains(r.ClusterOrganisationId) && r.Id > oldest)
            .OrderBy(r => r.Id)
            .Select(r => new ProfileRevision
            {
                Id = r.Id, ClusterOrganisationId = r.ClusterOrganisationId, AuthorName = r.AuthorName, CreatedAt = r.CreatedAt, Kind = r.Kind,
                ChangedFields = r.ChangedFields, RevertsRevisionId = r.RevertsRevisionId, BeforeJson = "", AfterJson = "",
            })
            .ToListAsync(cancellationToken);
        var diff = await editor.DiffAsync(cancellationToken);
        return new([.. rows.Select(row =>
        {
            var revision = row.Revision;
            var fields = ModerationWorkflow.ChangedFields(revision);
            var laterSaves = later.Where(l => l.ClusterOrganisationId == revision.ClusterOrganisationId && l.Id > revision.Id).ToList();
            var revertedBy = laterSaves.FirstOrDefault(l => l.RevertsRevisionId == revision.Id);
            var changedLater = laterSaves
                .Where(l => l != revertedBy)
                .SelectMany(ModerationWorkflow.ChangedFields)
                .Intersect(fields)
                .Select(f => ProfileFormLabels.Of[f])
                .ToList();
            return new EditEntry(revision, row.Slug, row.Name, row.Status,
                diff.Compare(ProfileForm.FromJson(revision.BeforeJson), ProfileForm.FromJson(revision.AfterJson)), revertedBy, changedLater);
        })], page, pageCount, total);
    }

    /// <summary>The audit log, newest first.</summary>
    public async Task<Paged<ModerationAction>> AuditAsync(int page, CancellationToken cancellationToken)
    {
        var total = await db.ModerationActions.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, AuditPageSize);
        page = Paging.InRange(page, pageCount);
        var items = await db.ModerationActions.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * AuditPageSize).Take(AuditPageSize)
            .ToListAsync(cancellationToken);
        return new(items, page, pageCount, total);
    }
}

using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

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
                [nameof(r.ManagementTeamFte)] = r.ManagementTeamFte, [nameof(r.Website)] = r.Website, [nameof(r.TotalMembers)] = r.TotalMembers,
                [nameof(r.SmeMembers)] = r.SmeMembers, [nameof(r.StartupMembers)] = r.StartupMembers, [nameof(r.LargeCompanyMembers)] = r.LargeCompanyMembers,
                [nameof(r.ResearchOrganisationMembers)] = r.ResearchOrganisationMembers, [nameof(r.OtherEcosystemActors)] = r.OtherEcosystemActors,
                SupportProgrammes = [.. r.Programmes.OrderBy(s => s.SortOrder).Select(s => new ProgrammeRow { Name = s.Name, Level = s.Level })],
            };
            var criteria = ValidationCriteria.Check(form, T);
            return new QueueEntry(r.Id, r.Name, countries.LocalisedName(r.CountryCode), r.SubmittedAt, criteria.Count(c => c.Met), criteria.Count,
                ValidationCriteria.ClusterProgrammes(form));
        })], page, pageCount, total);
    }

    /// <summary>
    /// Saves of published profiles, newest first, each with its readable diff: those nobody has reviewed yet, or all
    /// (<paramref name="all"/>). <see cref="Paged{TItem}.Total"/> counts the list shown.
    /// </summary>
    public async Task<Paged<EditEntry>> EditsAsync(int page, bool all, CancellationToken cancellationToken)
    {
        var published = db.ProfileRevisions.AsNoTracking().Where(r => r.ProfileStatus == ProfileStatus.Published);
        if (!all)
        {
            published = published.Where(r => !db.EditReviews.Any(e => e.ProfileRevisionId == r.Id));
        }
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
        var reviews = await db.EditReviews.AsNoTracking().Where(e => ids.Contains(e.ProfileRevisionId)).ToDictionaryAsync(e => e.ProfileRevisionId, cancellationToken);
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
            var reverts = laterSaves.Where(l => l.RevertsRevisionId == revision.Id).ToList();
            var reverted = reverts.SelectMany(ModerationWorkflow.ChangedFields).Intersect(fields).ToList();
            var changedLater = laterSaves
                .Where(l => !reverts.Contains(l))
                .SelectMany(ModerationWorkflow.ChangedFields)
                .Intersect(fields)
                .Select(f => ProfileFormLabels.Of[f])
                .ToList();
            return new EditEntry(revision, row.Slug, row.Name, row.Status,
                diff.Compare(ProfileForm.FromJson(revision.BeforeJson), ProfileForm.FromJson(revision.AfterJson)), reverts.FirstOrDefault(), changedLater,
                reverted.Count >= fields.Count, reviews.GetValueOrDefault(revision.Id));
        })], page, pageCount, total);
    }

    /// <summary>The audit log narrowed to <paramref name="filter"/>, newest first.</summary>
    public async Task<Paged<ModerationAction>> AuditAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        var actions = db.ModerationActions.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            actions = actions.Where(a => a.Action == kind);
        }
        // ToLower() runs in the database as lower(); the culture analysers' advice is for .NET strings.
#pragma warning disable CA1304, CA1311, CA1862
        if (filter.Actor is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            actions = actions.Where(a => a.ModeratorName.ToLower().Contains(lower));
        }
        if (filter.Subject is { } subject)
        {
            var lower = subject.ToLowerInvariant();
            actions = actions.Where(a => a.ProfileName.ToLower().Contains(lower));
        }
#pragma warning restore CA1304, CA1311, CA1862
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            actions = actions.Where(a => a.At >= start);
        }
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            actions = actions.Where(a => a.At < end);
        }
        var total = await actions.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, AuditPageSize);
        page = Paging.InRange(page, pageCount);
        var items = await actions
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * AuditPageSize).Take(AuditPageSize)
            .ToListAsync(cancellationToken);
        return new(items, page, pageCount, total);
    }
}

using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>Keeps the full-text index in step with profile writes, inside the writer's transaction.</summary>
public sealed class SearchIndexWriter(CountryList countries, TermTranslations translations)
{
    public async Task IndexAsync(ClusterAtlasDbContext db, IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        var engine = FullTextEngine.For(db);
        foreach (var chunk in profileIds.Chunk(1000))
        {
            var profiles = await SearchedGroups.Aggregate(
                    (IQueryable<ClusterOrganisation>)db.ClusterOrganisations.AsNoTracking().Where(p => chunk.Contains(p.Id)).Include(p => p.Terms).ThenInclude(t => t.Term),
                    (query, group) => query.Include(group))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var published = profiles.Where(p => p.Status == ProfileStatus.Published).Select(p => SearchDocument.For(p, countries, translations)).ToList();
            await engine.RemoveAsync(db, [.. chunk.Except(published.Select(d => d.ProfileId))], cancellationToken);
            await engine.UpsertAsync(db, published, cancellationToken);
        }
    }

    /// <summary>The profile's repeated groups whose rows the search document reads (by the schema's search roles).</summary>
    private static readonly IReadOnlyList<string> SearchedGroups =
        [.. ProfileSchema.Fields.Where(f => f.Group is { } g && g.Fields.Any(r => r.Search != SearchRole.None)).Select(f => f.EntityProperty!)];

    /// <summary>Indexes profiles already in memory with their terms (bulk loads), in the caller's transaction.</summary>
    public Task IndexLoadedAsync(ClusterAtlasDbContext db, IReadOnlyList<ClusterOrganisation> profiles, CancellationToken cancellationToken) =>
        FullTextEngine.For(db).UpsertAsync(db,
            [.. profiles.Where(p => p.Status == ProfileStatus.Published).Select(p => SearchDocument.For(p, countries, translations))], cancellationToken);

    /// <summary>
    /// Builds the text index afresh when it does not hold what the profile tables hold (new installation, restore) or
    /// was written before documents held the countries' names in every UI language.
    /// </summary>
    public async Task EnsureCompleteAsync(ClusterAtlasDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var engine = FullTextEngine.For(db);
        await engine.EnsureCreatedAsync(db, cancellationToken);
        var published = await db.ClusterOrganisations.CountAsync(p => p.Status == ProfileStatus.Published, cancellationToken);
        if (await engine.CountAsync(db, cancellationToken) == published && await HoldsTranslatedNamesAsync(db, engine, cancellationToken))
        {
            return;
        }
        logger.LogInformation("Rebuilding the full-text index for {Count} profiles", published);
        var ids = await db.ClusterOrganisations.Where(p => p.Status == ProfileStatus.Published).Select(p => p.Id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM profile_search", cancellationToken);
        await IndexAsync(db, ids, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One probe: a published profile with a country is found by that country's Serbian name.</summary>
    /// <remarks>
    /// Any such profile will do, so the query has no order: ordered by id, SQLite found the published profiles by
    /// status and sorted them all, 12 s at a million at every start. The probe reads that one profile's document.
    /// </remarks>
    private async Task<bool> HoldsTranslatedNamesAsync(ClusterAtlasDbContext db, IFullTextEngine engine, CancellationToken cancellationToken)
    {
        var sample = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published && p.CountryCode != null)
            .Select(p => new { p.Id, p.CountryCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (sample is null || countries.TranslationsOf(sample.CountryCode) is not [var serbian, ..] || SearchText.Parse(serbian + " ") is not { } text)
        {
            return true;
        }
        return await engine.MatchesAsync(db, text, sample.Id, cancellationToken);
    }
}

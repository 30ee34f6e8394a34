using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Vocabularies;

/// <summary>The changes to terms that both the start-up seeding and the administrators' page make.</summary>
public static class VocabularyChanges
{
    /// <summary>Gives the term a new label; the old one becomes an alias, so imports and searches that use it still find the term.</summary>
    public static void Rename(VocabularyTerm term, string newLabel)
    {
        var oldLabel = term.Label;
        term.Aliases.RemoveAll(a => string.Equals(a, newLabel, StringComparison.OrdinalIgnoreCase));
        // Kept even when it matches the new label tolerantly: "Biopharmaceuticals" and "Bio-pharmaceuticals" are different words to a search.
        if (!string.Equals(oldLabel, newLabel, StringComparison.OrdinalIgnoreCase) && !term.Aliases.Contains(oldLabel, StringComparer.Ordinal))
        {
            term.Aliases.Add(oldLabel);
        }
        term.Label = newLabel;
        term.MatchKey = TextFolding.MatchKey(newLabel);
    }

    /// <summary>
    /// Gives every profile that has <paramref name="from"/> the term <paramref name="to"/> instead, in the same place
    /// of its list; returns the profiles changed. The caller saves.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MoveProfilesAsync(ClusterAtlasDbContext db, VocabularyTerm from, VocabularyTerm to, CancellationToken cancellationToken)
    {
        var moving = await db.Set<ProfileTerm>().Where(t => t.VocabularyTermId == from.Id).ToListAsync(cancellationToken);
        var profileIds = moving.Select(t => t.ClusterOrganisationId).Distinct().ToList();
        var already = (await db.Set<ProfileTerm>()
                .Where(t => t.VocabularyTermId == to.Id && profileIds.Contains(t.ClusterOrganisationId))
                .Select(t => new { t.ClusterOrganisationId, t.Field })
                .ToListAsync(cancellationToken))
            .Select(t => (t.ClusterOrganisationId, t.Field))
            .ToHashSet();
        foreach (var row in moving)
        {
            // The key holds the term's id: the row is replaced, not updated.
            db.Remove(row);
            if (already.Add((row.ClusterOrganisationId, row.Field)))
            {
                db.Add(new ProfileTerm { ClusterOrganisationId = row.ClusterOrganisationId, Field = row.Field, VocabularyTermId = to.Id, SortOrder = row.SortOrder });
            }
        }
        await TouchAsync(db, profileIds, cancellationToken);
        return profileIds;
    }

    /// <summary>Takes the term off every profile that has it; returns the profiles changed. The caller saves.</summary>
    public static async Task<IReadOnlyList<int>> RemoveFromProfilesAsync(ClusterAtlasDbContext db, VocabularyTerm term, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ProfileTerm>().Where(t => t.VocabularyTermId == term.Id).ToListAsync(cancellationToken);
        db.RemoveRange(rows);
        var profileIds = rows.Select(t => t.ClusterOrganisationId).Distinct().ToList();
        await TouchAsync(db, profileIds, cancellationToken);
        return profileIds;
    }

    /// <summary>
    /// Marks the profiles as changed (the save gives them a new update time, and a new concurrency token when their
    /// terms changed): the directory and the cached profile pages of every app instance pick the change up.
    /// </summary>
    public static async Task TouchAsync(ClusterAtlasDbContext db, IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in profileIds.Chunk(1000))
        {
            foreach (var profile in await db.ClusterOrganisations.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                db.Entry(profile).Property(p => p.UpdatedAt).IsModified = true;
            }
        }
    }
}

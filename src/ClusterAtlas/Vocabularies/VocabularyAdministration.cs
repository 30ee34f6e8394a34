using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Vocabularies;

/// <summary>
/// What administrators do to the vocabularies: add, rename, retire and restore terms, and accept, merge or reject the
/// terms imports proposed. Each change is one transaction with its entry in the moderation audit log, and the
/// directory and the search text follow at once.
/// </summary>
public sealed class VocabularyAdministration(
    ClusterAtlasDbContext db, ProfileWrites writes, DirectoryIndex directory, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    /// <summary>The length of <see cref="VocabularyTerm.Label"/> in the database.</summary>
    public const int MaxLabelLength = 300;

    public Task<VocabularyTerm?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.VocabularyTerms.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The vocabulary's terms in their order, each with the number of profiles that have it.</summary>
    public async Task<IReadOnlyList<TermUsage>> TermsAsync(string vocabulary, CancellationToken cancellationToken)
    {
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == vocabulary).ToListAsync(cancellationToken);
        var counts = await UsageAsync(terms.Select(t => t.Id).ToList(), cancellationToken);
        return [.. terms.OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal).Select(t => new TermUsage(t, counts.GetValueOrDefault(t.Id)))];
    }

    /// <summary>Every proposed term of every vocabulary, with the number of profiles that have it.</summary>
    public async Task<IReadOnlyList<TermUsage>> ProposedAsync(CancellationToken cancellationToken)
    {
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Status == TermStatus.Proposed).ToListAsync(cancellationToken);
        var counts = await UsageAsync(terms.Select(t => t.Id).ToList(), cancellationToken);
        return [.. terms.OrderBy(t => t.Vocabulary, StringComparer.Ordinal).ThenBy(t => t.Label, StringComparer.Ordinal).Select(t => new TermUsage(t, counts.GetValueOrDefault(t.Id)))];
    }

    /// <summary>How many terms each vocabulary has in each status.</summary>
    public async Task<IReadOnlyDictionary<(string Vocabulary, TermStatus Status), int>> CountsAsync(CancellationToken cancellationToken) =>
        (await db.VocabularyTerms.AsNoTracking().GroupBy(t => new { t.Vocabulary, t.Status }).Select(g => new { g.Key.Vocabulary, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => (g.Vocabulary, g.Status), g => g.Count);

    /// <summary>How many profiles have the term.</summary>
    public async Task<int> ProfileCountAsync(int termId, CancellationToken cancellationToken) =>
        await db.Set<ProfileTerm>().Where(t => t.VocabularyTermId == termId).Select(t => t.ClusterOrganisationId).Distinct().CountAsync(cancellationToken);

    private async Task<Dictionary<int, int>> UsageAsync(List<int> termIds, CancellationToken cancellationToken) =>
        (await db.Set<ProfileTerm>().AsNoTracking()
            .Where(t => termIds.Contains(t.VocabularyTermId))
            .Select(t => new { t.VocabularyTermId, t.ClusterOrganisationId })
            .Distinct()
            .GroupBy(t => t.VocabularyTermId)
            .Select(g => new { TermId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => g.TermId, g => g.Count);

    /// <summary>Why a label cannot be a term of the vocabulary (null when it can): empty, too long, or another term's label or alias.</summary>
    public async Task<string?> LabelProblemAsync(string vocabulary, string? label, int? exceptTermId, CancellationToken cancellationToken)
    {
        var trimmed = label?.Trim() ?? "";
        var key = TextFolding.MatchKey(trimmed);
        if (key.Length == 0)
        {
            return T["Enter a name with letters or digits."];
        }
        if (trimmed.Length > MaxLabelLength)
        {
            return T["Keep the name to 300 characters or fewer."];
        }
        var others = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == vocabulary && t.Id != exceptTermId).ToListAsync(cancellationToken);
        return others.Any(t => t.MatchKeys().Contains(key)) ? T["The vocabulary already has a term of this name (or with it as another spelling)."].Value : null;
    }

    public async Task<VocabularyTerm> AddAsync(ClaimsPrincipal admin, string vocabulary, string label, int? parentId, CancellationToken cancellationToken)
    {
        var trimmed = label.Trim();
        var sortOrder = await db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary && t.Status != TermStatus.Proposed)
            .MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? -1;
        var term = new VocabularyTerm
        {
            Vocabulary = vocabulary, Label = trimmed, MatchKey = TextFolding.MatchKey(trimmed), ParentId = parentId, SortOrder = sortOrder + 1,
        };
        db.VocabularyTerms.Add(term);
        var parent = parentId is null ? null : await db.VocabularyTerms.AsNoTracking().SingleAsync(t => t.Id == parentId, cancellationToken);
        Audit(admin, ModerationActionKind.TermAdded, term, parent is null ? null : $"Under “{parent.Label}”");
        await SaveAsync([], cancellationToken);
        return term;
    }

    public async Task RenameAsync(ClaimsPrincipal admin, VocabularyTerm term, string newLabel, CancellationToken cancellationToken)
    {
        var oldLabel = term.Label;
        VocabularyChanges.Rename(term, newLabel.Trim());
        Audit(admin, ModerationActionKind.TermRenamed, term, $"Renamed from “{oldLabel}”; the old name stays as another spelling");
        await SaveAsync(await ProfilesWithAsync(term.Id, cancellationToken), cancellationToken);
    }

    public async Task RetireAsync(ClaimsPrincipal admin, VocabularyTerm term, CancellationToken cancellationToken)
    {
        term.Status = TermStatus.Retired;
        var profiles = await ProfilesWithAsync(term.Id, cancellationToken);
        Audit(admin, ModerationActionKind.TermRetired, term, $"Kept on {profiles.Count} profiles; no longer offered in forms and filters");
        await SaveAsync(profiles, cancellationToken);
    }

    public async Task RestoreAsync(ClaimsPrincipal admin, VocabularyTerm term, CancellationToken cancellationToken)
    {
        term.Status = TermStatus.Active;
        Audit(admin, ModerationActionKind.TermRestored, term, null);
        await SaveAsync(await ProfilesWithAsync(term.Id, cancellationToken), cancellationToken);
    }

    /// <summary>Makes a proposed term a term of the vocabulary: shown on its profiles, in forms and in the directory's filters.</summary>
    public async Task AcceptAsync(ClaimsPrincipal admin, VocabularyTerm term, CancellationToken cancellationToken)
    {
        term.Status = TermStatus.Active;
        term.SortOrder = (await db.VocabularyTerms.Where(t => t.Vocabulary == term.Vocabulary && t.Status != TermStatus.Proposed)
            .MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? -1) + 1;
        var profiles = await ProfilesWithAsync(term.Id, cancellationToken);
        Audit(admin, ModerationActionKind.TermAccepted, term, $"Shown on {profiles.Count} profiles");
        await SaveAsync(profiles, cancellationToken);
    }

    /// <summary>
    /// Folds a proposed term into a term of the same vocabulary: its profiles get the target term, and its spelling
    /// becomes an alias of the target so that the next import takes the target straight away.
    /// </summary>
    public async Task MergeAsync(ClaimsPrincipal admin, VocabularyTerm proposed, VocabularyTerm target, CancellationToken cancellationToken)
    {
        var profiles = await VocabularyChanges.MoveProfilesAsync(db, proposed, target, cancellationToken);
        if (!target.MatchKeys().Contains(proposed.MatchKey))
        {
            target.Aliases.Add(proposed.Label);
        }
        db.VocabularyTerms.Remove(proposed);
        Audit(admin, ModerationActionKind.TermMerged, proposed, $"Merged into “{target.Label}” on {profiles.Count} profiles");
        await SaveAsync(profiles, cancellationToken);
    }

    /// <summary>Drops a proposed term: it is removed from the profiles that had it.</summary>
    public async Task RejectAsync(ClaimsPrincipal admin, VocabularyTerm proposed, CancellationToken cancellationToken)
    {
        var profiles = await VocabularyChanges.RemoveFromProfilesAsync(db, proposed, cancellationToken);
        db.VocabularyTerms.Remove(proposed);
        Audit(admin, ModerationActionKind.TermRejected, proposed, $"Removed from {profiles.Count} profiles");
        await SaveAsync(profiles, cancellationToken);
    }

    private async Task<List<int>> ProfilesWithAsync(int termId, CancellationToken cancellationToken) =>
        await db.Set<ProfileTerm>().Where(t => t.VocabularyTermId == termId).Select(t => t.ClusterOrganisationId).Distinct().ToListAsync(cancellationToken);

    private void Audit(ClaimsPrincipal admin, ModerationActionKind kind, VocabularyTerm term, string? detail)
    {
        var name = RevisionAuthor.NameOf(admin);
        db.ModerationActions.Add(new ModerationAction
        {
            At = clock.GetUtcNow(),
            ModeratorUserId = admin.UserId(),
            ModeratorName = Shortened(name, 200),
            Action = kind,
            // Not a profile: the entry names the vocabulary and the term.
            ProfileName = Shortened($"{Vocabulary.NameOf(term.Vocabulary)}: {term.Label}", 300),
            Detail = detail,
        });
    }

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// Saves the change with its audit entry through the profiles' write path (which indexes the changed profiles' search
    /// text in the same transaction and marks the directory stale), then lets the directory relabel its terms.
    /// </summary>
    private async Task SaveAsync(IReadOnlyCollection<int> changedProfiles, CancellationToken cancellationToken)
    {
        await using var write = await writes.BeginAsync(cancellationToken);
        await VocabularyChanges.TouchAsync(db, changedProfiles, cancellationToken);
        write.Wrote(changedProfiles);
        await write.CommitAsync(cancellationToken);
        directory.MarkVocabularyChanged();
    }
}

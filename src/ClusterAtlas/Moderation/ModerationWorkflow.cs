using System.Globalization;
using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Mail;
using ClusterAtlas.Notifications;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>
/// The validation team's decisions: publishing or rejecting a submitted profile, and undoing a change to a published
/// one. Each decision and its entry in the audit log (<see cref="ModerationAction"/>) are written in one transaction;
/// a publication reaches the search index in the same transaction and the directory right after the commit. Callers
/// check that the user is acting staff (policy <see cref="AccountPolicies.Moderator"/>).
/// </summary>
public sealed class ModerationWorkflow(ClusterAtlasDbContext db, ProfileEditor editor, ProfileWrites writes,
    ModerationMail mail, SavedSearches savedSearches, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public const int MaxReasonLength = 2000;

    /// <summary>The form fields a refusal can concern.</summary>
    public const string WaiveCriteriaField = "WaiveCriteria", ReasonField = "Reason", FieldsField = "Fields";

    /// <summary>
    /// Publishes a submitted profile, as it was when the moderator opened it (<paramref name="reviewedToken"/>).
    /// Unmet criteria must be waived explicitly, which is allowed only for a profile that names a regional or national
    /// cluster programme. The profile's administrators are told by e-mail.
    /// </summary>
    /// <summary>No one decides on their own profile: a moderator who administers it leaves the decision to another.</summary>
    private Task<bool> AdministersAsync(ClusterOrganisation profile, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var userId = moderator.UserId();
        return db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == profile.Id && a.UserId == userId, cancellationToken);
    }

    public async Task<ModerationResult> ApproveAsync(ClusterOrganisation profile, Guid reviewedToken, bool waiveCriteria, ClaimsPrincipal moderator,
        CancellationToken cancellationToken)
    {
        if (Refusal(profile, reviewedToken) is { } refusal)
        {
            return refusal;
        }
        if (await AdministersAsync(profile, moderator, cancellationToken))
        {
            return new(T["You administer this profile, so another moderator must decide on it."]);
        }
        var form = editor.FormOf(profile);
        var unmet = InEnglish(() => ValidationCriteria.Check(form, T)).Where(c => !c.Met).ToList();
        var programmes = ValidationCriteria.ClusterProgrammes(form);
        if (unmet.Count > 0 && programmes.Count == 0)
        {
            return new(T["This profile does not meet every validation criterion and names no regional or national cluster programme, so the criteria cannot be waived. Send it back with the reason instead."]);
        }
        if (unmet.Count > 0 && !waiveCriteria)
        {
            return new(T["Not every criterion is met: tick “Waive the unmet criteria” to publish the profile all the same."], WaiveCriteriaField);
        }

        var waived = unmet.Count > 0;
        var action = Record(profile, moderator, waived ? ModerationActionKind.ApprovedWithWaiver : ModerationActionKind.Approved,
            waived ? $"Criteria waived: {string.Join("; ", unmet.Select(c => c.Title))}. Cluster programme: {string.Join("; ", programmes)}." : null);
        var now = action.At;
        if (!await DecideAsync(profile, reviewedToken, action, setters => setters
                .SetProperty(p => p.Status, ProfileStatus.Published)
                .SetProperty(p => p.PublishedAt, now)
                .SetProperty(p => p.CriteriaWaived, waived)
                .SetProperty(p => p.RejectionReason, (string?)null),
            () => mail.QueuePublishedAsync(profile, cancellationToken), cancellationToken))
        {
            return ChangedMeanwhile;
        }
        // Saved directory searches are run by the directory itself, which holds the profile once the publication is committed.
        await savedSearches.NotifyMatchingProfileAsync(profile.Id, cancellationToken);
        return ModerationResult.Done;
    }

    /// <summary>Sends a submitted profile back to its administrators with the reason, which they see on the profile and by e-mail.</summary>
    public async Task<ModerationResult> RejectAsync(ClusterOrganisation profile, Guid reviewedToken, string? reason, ClaimsPrincipal moderator,
        CancellationToken cancellationToken)
    {
        if (Refusal(profile, reviewedToken) is { } refusal)
        {
            return refusal;
        }
        if (await AdministersAsync(profile, moderator, cancellationToken))
        {
            return new(T["You administer this profile, so another moderator must decide on it."]);
        }
        reason = ProfileForm.Clean(reason);
        if (reason is null)
        {
            return new(T["Give the reason, so that the profile's administrators know what to change."], ReasonField);
        }
        if (reason.Length > MaxReasonLength)
        {
            return new(T["Use at most {0} characters (there are {1}).", MaxReasonLength, reason.Length], ReasonField);
        }
        var action = Record(profile, moderator, ModerationActionKind.Rejected, reason);
        if (!await DecideAsync(profile, reviewedToken, action, setters => setters
                .SetProperty(p => p.Status, ProfileStatus.Rejected)
                .SetProperty(p => p.RejectionReason, reason),
            () => mail.QueueRejectedAsync(profile, reason, cancellationToken), cancellationToken))
        {
            return ChangedMeanwhile;
        }
        return ModerationResult.Done;
    }

    /// <summary>
    /// Undoes a change to a published profile for the chosen <paramref name="fields"/> (some or all of those it changed):
    /// they get their values from before it; every other field keeps what it holds now, so later edits to other fields
    /// stay. Saved as a revision of its own, with the reason in the audit log; the change and the revert count as
    /// reviewed, and the profile's administrators are told by e-mail. Refused when the profile changed since the
    /// moderator saw what the revert would do (<paramref name="seenToken"/>).
    /// </summary>
    public async Task<ModerationResult> RevertAsync(ProfileRevision revision, IReadOnlyCollection<string> fields, Guid seenToken, string? reason,
        ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        if (revision.ProfileStatus != ProfileStatus.Published)
        {
            return new(T["Only changes to published profiles are reverted here."]);
        }
        var chosen = ChangedFields(revision).Where(fields.Contains).ToList();
        if (chosen.Count == 0)
        {
            return new(T["Tick at least one field to revert."], FieldsField);
        }
        reason = ProfileForm.Clean(reason);
        if (reason is null)
        {
            return new(T["Give the reason: the profile's administrators receive it by e-mail."], ReasonField);
        }
        if (reason.Length > MaxReasonLength)
        {
            return new(T["Use at most {0} characters (there are {1}).", MaxReasonLength, reason.Length], ReasonField);
        }
        var profile = await editor.FindAsync(revision.ClusterOrganisationId, cancellationToken)
            ?? throw new InvalidOperationException("A revision without its profile.");
        if (profile.ConcurrencyToken != seenToken)
        {
            return new(T["Someone changed this profile after you opened this page. Check below what the revert would do now, then confirm again. Nothing was reverted."]);
        }
        var wanted = WithFieldsRestored(editor.FormOf(profile), ProfileForm.FromJson(revision.BeforeJson), chosen);
        // Added before the save, the audit entry and the review are written by the editor's SaveChanges, in its transaction.
        var action = audit.Add(ModerationActionKind.Reverted, profile.Name, profile.Id,
            string.Create(CultureInfo.InvariantCulture,
                $"Revision {revision.Id} by {revision.AuthorName} at {revision.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {string.Join(", ", chosen.Select(f => ProfileFormLabels.Of[f]))}. Reason: {reason}"),
            moderator);
        var review = await db.EditReviews.AnyAsync(r => r.ProfileRevisionId == revision.Id, cancellationToken) ? null : Review(revision.Id, moderator);
        if (review is not null)
        {
            db.EditReviews.Add(review);
        }
        // The mail names the fields the revert changes (the editor's own comparison), and is saved with it.
        var reverting = (await writes.DiffAsync(cancellationToken)).Compare(editor.FormOf(profile).Normalised(), wanted.Normalised());
        var outbox = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToHashSet();
        if (reverting.Count > 0)
        {
            await mail.QueueRevertedAsync(profile, [.. reverting.Where(c => ProfileFormLabels.Of.ContainsKey(c.Property)).Select(c => ProfileFormLabels.Of[c.Property])], reason, cancellationToken);
        }
        var queued = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).Where(m => !outbox.Contains(m)).ToList();
        var outcome = await editor.SaveAsync(profile, wanted, profile.ConcurrencyToken, moderator, cancellationToken, RevisionKind.Reverted, revision.Id);
        foreach (var written in new object?[] { action, review }.Concat(queued))
        {
            if (written is not null && db.Entry(written).State == EntityState.Added)
            {
                db.Entry(written).State = EntityState.Detached;
            }
        }
        switch (outcome)
        {
            case SaveOutcome.Saved { Revision: { } revert }:
                // The validation team's own change needs no second look.
                db.EditReviews.Add(Review(revert.Id, moderator));
                await db.SaveChangesAsync(cancellationToken);
                return ModerationResult.Done;
            case SaveOutcome.Saved:
                return new(T["Nothing was reverted: the fields of this change already hold the values from before it."]);
            default:
                return new(T["Someone changed this profile at the same moment. Look at the change again and revert it if it is still needed."]);
        }
    }

    /// <summary>Marks changes to published profiles as looked at; those already reviewed keep their first review.</summary>
    public async Task<int> MarkReviewedAsync(IReadOnlyCollection<long> revisionIds, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var ids = revisionIds.Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            var open = await db.ProfileRevisions.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.ProfileStatus == ProfileStatus.Published && !db.EditReviews.Any(e => e.ProfileRevisionId == r.Id))
                .Select(r => r.Id).ToListAsync(cancellationToken);
            db.EditReviews.AddRange(open.Select(id => Review(id, moderator)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return open.Count;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another moderator reviewed some of them at the same moment: theirs stands; ours is written for the rest.
                db.ChangeTracker.Clear();
            }
        }
    }

    private EditReview Review(long revisionId, ClaimsPrincipal moderator) => new()
    {
        ProfileRevisionId = revisionId,
        ReviewedAt = clock.GetUtcNow(),
        ReviewerUserId = moderator.UserId(),
        ReviewerName = Shortened(RevisionAuthor.NameOf(moderator), MaxNameLength),
    };

    /// <summary>The properties of <see cref="ProfileForm"/> a revision changed, as it recorded them.</summary>
    public static IReadOnlyList<string> ChangedFields(ProfileRevision revision) =>
        [.. revision.ChangedFields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(ProfileFormLabels.Of.ContainsKey)];

    /// <summary>A copy of <paramref name="current"/> with <paramref name="fields"/> taken from <paramref name="before"/>.</summary>
    public static ProfileForm WithFieldsRestored(ProfileForm current, ProfileForm before, IReadOnlyList<string> fields)
    {
        var result = ProfileForm.FromJson(current.ToJson());
        var earlier = ProfileForm.FromJson(before.ToJson());
        ProfileForm.CopyProperties(earlier, result, fields);
        return result;
    }

    private ModerationResult? Refusal(ClusterOrganisation profile, Guid reviewedToken)
    {
        if (profile.Status != ProfileStatus.Submitted)
        {
            return new(T["Only a profile that waits for validation can be published or rejected; this one is not submitted. Nothing was changed."]);
        }
        return profile.ConcurrencyToken != reviewedToken ? ChangedMeanwhile : null;
    }

    private ModerationResult ChangedMeanwhile =>
        new(T["This profile was changed after you opened it. Check it again below, then decide. Nothing was changed."]);

    private ModerationAction Record(ClusterOrganisation profile, ClaimsPrincipal moderator, ModerationActionKind kind, string? detail) => new()
    {
        At = clock.GetUtcNow(),
        ModeratorUserId = moderator.UserId(),
        ModeratorName = Shortened(RevisionAuthor.NameOf(moderator), MaxNameLength),
        Action = kind,
        ClusterOrganisationId = profile.Id,
        ProfileName = profile.Name,
        Detail = detail,
    };

    /// <summary>The length of <see cref="ModerationAction.ModeratorName"/> in the database.</summary>
    private const int MaxNameLength = 200;

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// Writes the decision (<paramref name="setters"/>) and its audit entry in one transaction, on condition that the
    /// profile is still submitted and its content is the version the moderator reviewed: a single conditional update,
    /// so that of two moderators deciding at once only one succeeds. Publishing and rejecting change the status only,
    /// so editors' open copies stay valid. The search index follows in the same transaction, the directory after it;
    /// <paramref name="queueMail"/> adds the decision's mail to the outbox in it too.
    /// </summary>
    private async Task<bool> DecideAsync(ClusterOrganisation profile, Guid reviewedToken, ModerationAction action,
        Action<UpdateSettersBuilder<ClusterOrganisation>> setters, Func<Task> queueMail, CancellationToken cancellationToken)
    {
        await using var write = await writes.BeginAsync(cancellationToken);
        if (!await write.UpdateAsync(profile.Id, p => p.Status == ProfileStatus.Submitted && p.ConcurrencyToken == reviewedToken, setters, cancellationToken))
        {
            await write.RollbackAsync(cancellationToken);
            return false;
        }
        db.ModerationActions.Add(action);
        await queueMail();
        await write.CommitAsync(cancellationToken);
        // The tracked copy was read before the update.
        db.Entry(profile).State = EntityState.Detached;
        return true;
    }

    /// <summary>
    /// The audit log is written in English, the platform's working language (as revisions name their fields), whoever's
    /// language the moderator reads: the texts made inside are the English keys.
    /// </summary>
    private static TResult InEnglish<TResult>(Func<TResult> make)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return make();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

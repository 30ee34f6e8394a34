using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles.Editing;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>
/// The platform team's decisions on a submitted event: publish it, or send it back with the reason. The decision and
/// the submitter's mail are saved together. Callers check that the user is the platform team.
/// </summary>
public sealed class EventModeration(ClusterAtlasDbContext db, EventMail mail, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public async Task<ModerationResult> PublishAsync(ClusterEvent e, CancellationToken cancellationToken)
    {
        if (e.Status == EventStatus.Published)
        {
            return new(T["This event is published already."]);
        }
        // Sent back, it is its submitter's until they change it (which submits it again).
        if (e.Status != EventStatus.Submitted)
        {
            return new(T["Only events waiting for moderation can be published: this one was sent back and its submitter has not changed it since."]);
        }
        e.Status = EventStatus.Published;
        e.PublishedAt ??= clock.GetUtcNow();
        e.ReturnReason = null;
        await mail.QueuePublishedAsync(e, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Done;
    }

    /// <summary>Sends an event back to its submitter (unpublishing it, if it was public) with the reason.</summary>
    public async Task<ModerationResult> SendBackAsync(ClusterEvent e, string? reason, CancellationToken cancellationToken)
    {
        reason = ProfileForm.Clean(reason);
        if (reason is null)
        {
            return new(T["Give the reason, so that the submitter knows what to change."], ModerationWorkflow.ReasonField);
        }
        if (reason.Length > ModerationWorkflow.MaxReasonLength)
        {
            return new(T["Use at most {0} characters (there are {1}).", ModerationWorkflow.MaxReasonLength, reason.Length], ModerationWorkflow.ReasonField);
        }
        e.Status = EventStatus.SentBack;
        e.ReturnReason = reason;
        await mail.QueueSentBackAsync(e, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Done;
    }
}

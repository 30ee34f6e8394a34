using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>Links to the other pages of a paged list: <paramref name="Path"/> with ?page=.</summary>
public sealed record PagerView(string Path, int Page, int PageCount);

/// <summary>The pages of the moderation area, for its navigation.</summary>
public enum ModerationSection { Queue, Edits, Audit, Vocabularies }

/// <summary>Names of the actions of the audit log in the reader's language (statuses: <see cref="Profiles.Editing.ProfileStatusLabels"/>).</summary>
public static class ModerationText
{
    public static string ActionName(ModerationActionKind action, IStringLocalizer T) => action switch
    {
        ModerationActionKind.Approved => T["Published"],
        ModerationActionKind.ApprovedWithWaiver => T["Published, criteria waived"],
        ModerationActionKind.Rejected => T["Rejected"],
        ModerationActionKind.Reverted => T["Change reverted"],
        ModerationActionKind.TermAdded => T["Term added"],
        ModerationActionKind.TermRenamed => T["Term renamed"],
        ModerationActionKind.TermRetired => T["Term retired"],
        ModerationActionKind.TermRestored => T["Term restored"],
        ModerationActionKind.TermAccepted => T["Proposed term accepted"],
        ModerationActionKind.TermMerged => T["Proposed term merged"],
        ModerationActionKind.TermRejected => T["Proposed term rejected"],
        _ => action.ToString(),
    };
}

using ClusterAtlas.Profiles;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>Links to the other pages of a paged list: <paramref name="Path"/> with ?page=.</summary>
public sealed record PagerView(string Path, int Page, int PageCount);

/// <summary>The pages of the moderation area, for its navigation.</summary>
public enum ModerationSection { Queue, Edits, Audit }

/// <summary>Names of statuses and actions in the reader's language.</summary>
public static class ModerationText
{
    public static string StatusName(ProfileStatus status, IStringLocalizer T) => status switch
    {
        ProfileStatus.Draft => T["Draft"],
        ProfileStatus.Submitted => T["Submitted"],
        ProfileStatus.Published => T["Published"],
        ProfileStatus.Rejected => T["Not published"],
        ProfileStatus.Archived => T["Archived"],
        _ => status.ToString(),
    };

    public static string ActionName(ModerationActionKind action, IStringLocalizer T) => action switch
    {
        ModerationActionKind.Approved => T["Published"],
        ModerationActionKind.ApprovedWithWaiver => T["Published, criteria waived"],
        ModerationActionKind.Rejected => T["Not published"],
        ModerationActionKind.Reverted => T["Change reverted"],
        _ => action.ToString(),
    };
}

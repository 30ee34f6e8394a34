using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

public static class ProfileStatusLabels
{
    /// <summary>The status as a word people read (written out here so that each string is found and translated).</summary>
    public static string StatusLabel(this IStringLocalizer T, ProfileStatus status) => status switch
    {
        ProfileStatus.Draft => T["Draft"],
        ProfileStatus.Submitted => T["Submitted"],
        ProfileStatus.Published => T["Published"],
        ProfileStatus.Rejected => T["Rejected"],
        _ => T["Archived"],
    };
}

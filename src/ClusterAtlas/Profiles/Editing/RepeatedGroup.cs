namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// A repeated group of the profile form (team members, facilities, ...): how its rows are named in the form and in
/// the error summary, and what its "Add another" button says (English keys of the shared resource).
/// </summary>
public sealed record RepeatedGroup(string Property, string RowLegend, string AddLabel)
{
    public static readonly IReadOnlyList<RepeatedGroup> All =
    [
        new(nameof(ProfileForm.ManagementTeam), "Team member {0}", "Add another team member"),
        new(nameof(ProfileForm.SupportFacilities), "Facility {0}", "Add another facility"),
        new(nameof(ProfileForm.MajorPlayers), "Major player {0}", "Add another major player"),
        new(nameof(ProfileForm.CollaboratingClusters), "Partner {0}", "Add another partner"),
        new(nameof(ProfileForm.SupportProgrammes), "Programme {0}", "Add another programme"),
        new(nameof(ProfileForm.SuccessStories), "Story {0}", "Add another story"),
    ];

    public static RepeatedGroup? Find(string? property) => All.FirstOrDefault(g => g.Property == property);

    /// <summary>The label of each field of a row, as the form shows it.</summary>
    public static readonly IReadOnlyDictionary<string, string> RowFieldLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(TeamMemberRow.Name)] = "Name",
        [nameof(TeamMemberRow.Role)] = "Role",
        [nameof(TeamMemberRow.Email)] = "E-mail",
        [nameof(TeamMemberRow.Phone)] = "Phone",
        [nameof(TeamMemberRow.ContactVisibility)] = "Who may see the e-mail and phone",
        [nameof(FacilityRow.Type)] = "Type",
        [nameof(FacilityRow.Website)] = "Website",
        [nameof(MajorPlayerRow.Link)] = "Website",
        [nameof(PartnerRow.CountryCode)] = "Country",
        [nameof(ProgrammeRow.Level)] = "Level",
        [nameof(ProgrammeRow.Description)] = "Description",
        [nameof(StoryRow.Title)] = "Title",
        [nameof(StoryRow.Text)] = "Text",
    };
}

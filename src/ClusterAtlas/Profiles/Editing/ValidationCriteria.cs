using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The validation criteria of the platform (as the ECCP's validation team applies them): a dedicated management team
/// of at least 0.5 full-time equivalents, a website, at least 15 members, and at least two types of members (the
/// triple helix: companies, research and education, other actors such as public bodies). A moderator may waive
/// them for a cluster organisation that belongs to a regional or national cluster programme.
/// </summary>
public static class ValidationCriteria
{
    public const decimal MinimumFte = 0.5m;
    public const int MinimumMembers = 15;
    public const int MinimumMemberTypes = 2;

    public static IReadOnlyList<CriterionResult> Check(ProfileForm form, IStringLocalizer T)
    {
        var memberTypes = MemberTypes(form, T);
        var hasWebsite = ProfileFormValidator.IsWebAddress(form.Text(nameof(ClusterOrganisation.Website)));
        return
        [
            new("management", T["Dedicated management of at least 0.5 full-time equivalents"], form.Value<decimal>(nameof(ClusterOrganisation.ManagementTeamFte)) >= MinimumFte,
                form.Value<decimal>(nameof(ClusterOrganisation.ManagementTeamFte)) is { } fte
                    ? T["The profile gives {0} full-time equivalents.", fte.ToString("0.##", CultureInfo.CurrentCulture)]
                    : T["The profile does not give the size of the management team."]),
            new("website", T["A website"], hasWebsite,
                hasWebsite ? T["The profile gives {0}.", form.Text(nameof(ClusterOrganisation.Website))!.Trim()] : T["The profile gives no website."]),
            new("members", T["At least 15 members"], form.Value<int>(nameof(ClusterOrganisation.TotalMembers)) >= MinimumMembers,
                form.Value<int>(nameof(ClusterOrganisation.TotalMembers)) is { } total ? T["The profile gives {0} members.", total] : T["The profile does not give the number of members."]),
            new("member-types", T["At least two types of members (the triple helix)"], memberTypes.Count >= MinimumMemberTypes,
                memberTypes.Count == 0 ? T["The profile gives no members by type."] : T["Types of members given: {0}.", string.Join(", ", memberTypes)]),
        ];
    }

    /// <summary>The regional or national cluster programmes the profile names: reasons a moderator may waive unmet criteria.</summary>
    public static IReadOnlyList<string> ClusterProgrammes(ProfileForm form) =>
        [.. form.SupportProgrammes
            .Where(p => !p.IsEmpty && !string.IsNullOrWhiteSpace(p.Name)
                && p.Level is SupportProgrammeLevel.Regional or SupportProgrammeLevel.National or SupportProgrammeLevel.RegionalOrNational)
            .Select(p => p.Name!.Trim())];

    /// <summary>Companies (SMEs, start-ups, large companies), research and education, other ecosystem actors.</summary>
    private static List<string> MemberTypes(ProfileForm form, IStringLocalizer T)
    {
        var types = new List<string>();
        if (form.Value<int>(nameof(ClusterOrganisation.SmeMembers)) > 0 || form.Value<int>(nameof(ClusterOrganisation.StartupMembers)) > 0 || form.Value<int>(nameof(ClusterOrganisation.LargeCompanyMembers)) > 0)
        {
            types.Add(T["companies"]);
        }
        if (form.Value<int>(nameof(ClusterOrganisation.ResearchOrganisationMembers)) > 0)
        {
            types.Add(T["research and education"]);
        }
        if (form.Value<int>(nameof(ClusterOrganisation.OtherEcosystemActors)) > 0)
        {
            types.Add(T["other actors such as public bodies"]);
        }
        return types;
    }
}

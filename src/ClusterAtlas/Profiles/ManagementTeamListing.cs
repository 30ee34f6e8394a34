using System.Security.Claims;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A profile's management team as its page lists it, with the contact details the reader may see. People with a name are
/// listed one by one. Members without one (the profile publishes roles only, as the ECCP page of the demo profile does)
/// are gathered by role and contact, with how many hold the role, under a note that their names are not published: six
/// cards of bare roles, three of them alike, read as a list whose names were lost.
/// </summary>
public sealed record ManagementTeamListing(IReadOnlyList<ManagementTeamListing.Entry> Named, IReadOnlyList<ManagementTeamListing.Entry> Unnamed)
{
    /// <param name="Phone">The phone the reader may see: none for a profile that relies on contact requests.</param>
    /// <param name="Email">The e-mail address the reader may see.</param>
    /// <param name="ContactForMembers">Contact details withheld from this reader that signed-in members would see.</param>
    /// <param name="Count">How many members the entry stands for: more than one only for members without a name.</param>
    public sealed record Entry(string? Name, string? Role, string? Phone, string? Email, bool ContactForMembers, int Count);

    public static ManagementTeamListing Of(ClusterOrganisation profile, ClaimsPrincipal reader)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var entries = profile.ManagementTeam.Select(member =>
        {
            var shown = member.ContactShownTo(reader);
            var forMembers = !shown && member.ContactVisibility == ContactVisibility.MembersOnly && (member.Phone is not null || member.Email is not null);
            return new Entry(member.Name, member.Role, shown && !profile.RelyOnContactRequests ? member.Phone : null, shown ? member.Email : null, forMembers, 1);
        }).ToList();
        var unnamed = entries.Where(e => e.Name is null)
            .GroupBy(e => e with { Count = 0 })
            .Select(alike => alike.Key with { Count = alike.Count() })
            .ToList();
        return new ManagementTeamListing([.. entries.Where(e => e.Name is not null)], unnamed);
    }
}

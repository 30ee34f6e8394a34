using ClusterAtlas.Profiles.Editing;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A profile's header and sections as /Profiles/Sections/_ProfileContent.cshtml renders them: with the editing tabs and
/// the in-page navigation on the page, without them (<paramref name="Tabs"/> null) in the print view.
/// </summary>
/// <param name="StatedPartners">The profiles its collaborating clusters are, as the network matched them (<see cref="Network.StatedPartnerLinks"/>).</param>
/// <param name="BlocksBelow">The blocks the page shows below the sections, listed after them in the navigation.</param>
public sealed record ProfileContent(ProfileView View, ProfileTabs? Tabs, IReadOnlyDictionary<string, Network.NetworkProfile> StatedPartners, IReadOnlyList<SectionLink>? BlocksBelow = null)
{
    /// <summary>The slug of the profile a collaborating cluster is, if the network has matched it to one.</summary>
    public string? PartnerSlug(CollaboratingCluster partner) => StatedPartners.GetValueOrDefault(Network.NetworkLink.PartnerKeyOf(partner))?.Slug;
}

using ClusterAtlas.Profiles.Editing;

namespace ClusterAtlas.Profiles;

/// <summary>
/// A profile's header and sections as /Profiles/Sections/_ProfileContent.cshtml renders them: with the editing tabs and
/// the in-page navigation on the page, without them (<paramref name="Tabs"/> null) in the print view.
/// </summary>
public sealed record ProfileContent(ProfileView View, ProfileTabs? Tabs);

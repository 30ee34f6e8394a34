using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles;

/// <summary>An entry of a profile page's "On this page" list: the id of a block the page shows and its heading.</summary>
public sealed record SectionLink(string Id, LocalizedString Title);

using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Logos;

namespace ClusterAtlas.News;

/// <summary>A news form that passed its checks: the texts trimmed, the tags as slugs, the related profiles found, the image read.</summary>
public sealed record NewsInput(string Title, string Summary, string Body, IReadOnlyList<string> Tags,
    IReadOnlyList<ClusterOrganisation> RelatedProfiles, LogoFile? Image, string? ImageAlt, bool RemoveImage);

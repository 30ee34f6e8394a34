using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ClusterAtlas.Profiles;

public sealed record ProfileSummary(
    string Slug, string Name, string? Acronym, string? CountryCode, string? RegionName, string? ShortDescription,
    ExcellenceLabel? ExcellenceLabel, int? TotalMembers, bool IsSampleData, List<string> Sectors, string? LogoSha256 = null, bool RelyOnContactRequests = false);

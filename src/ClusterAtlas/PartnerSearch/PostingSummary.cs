using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>An open posting as the list shows it, with what its filters and full text need.</summary>
public sealed record PostingSummary(
    int Id, string Title, PostingKind Kind, string ProfileName, string ProfileSlug, string? ProfileCountry,
    DateOnly Deadline, DateTimeOffset CreatedAt, IReadOnlyList<string> Intents, IReadOnlyList<string> TargetCountries,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Technologies, string Excerpt)
{
    /// <summary>The values of one facet that this posting has (sectors and technology fields by their stored label).</summary>
    public IReadOnlyList<string> ValuesOf(string facet) => facet switch
    {
        PostingQuery.Kind => [PostingLabels.KindCode(Kind)],
        PostingQuery.Intent => Intents,
        PostingQuery.Sector => Sectors,
        PostingQuery.Technology => Technologies,
        PostingQuery.Target => TargetCountries,
        PostingQuery.Country => ProfileCountry is null ? [] : [ProfileCountry],
        _ => [],
    };
}

using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>
/// Why a call fits a profile, in plain words in the reader's language and in the style of the recommendations'
/// reasons: "your sectors: metal, automotive; open to Serbia".
/// </summary>
public sealed class CallReasons(DataLabels labels, IStringLocalizer<SharedResource> T)
{
    public string Explain(RankedCall ranked, string? country)
    {
        var parts = new List<string>();
        foreach (var group in ranked.Shared.GroupBy(t => t.Field))
        {
            var names = string.Join(", ", group.Select(t => labels.Term(t.Vocabulary, t.Label)));
            parts.Add(group.Key switch
            {
                ProfileField.SectoralIndustry => T["your sectors: {0}", names],
                ProfileField.TechnologyField => T["your technology fields: {0}", names],
                _ => T["your S3 areas: {0}", names],
            });
        }
        if (ranked.CountryNamed && country is not null)
        {
            parts.Add(T["open to {0}", labels.Country(country)]);
        }
        return string.Join("; ", parts);
    }
}

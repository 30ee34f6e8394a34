using System.Globalization;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// Names that come from data (countries, vocabulary terms, facet values) in the language of the page. The data
/// itself keeps the English names and the directory keeps codes; this is where pages look up what to show.
/// </summary>
public sealed class DataLabels(CountryList countries, TermTranslations terms, IStringLocalizer<SharedResource> T)
{
    public string Country(string? code) => countries.LocalisedName(code);

    public string Term(string vocabulary, string label) => terms.Label(vocabulary, label);

    public string Term(VocabularyTerm term) => terms.Label(term.Vocabulary, term.Label);

    public string FacetValue(string facet, FacetCount value) => FacetValue(facet, value.Value, value.Name);

    /// <summary>
    /// A facet value's label: countries and terms from their translations, excellence labels and member ranges from
    /// their codes in the UI strings, regions as the profiles write them. <paramref name="name"/> is the data's own name, if any.
    /// </summary>
    public string FacetValue(string facet, string value, string? name) => facet switch
    {
        Facet.Country or Facet.CooperatesWith => countries.LocalisedName(value),
        Facet.Label or Facet.Members => FacetValueWords.Of(facet, value, T),
        _ when Facet.VocabularyOf(facet) is { } vocabulary && name is not null => terms.Label(vocabulary, name),
        _ => name ?? value,
    };

    /// <summary>
    /// The values as the page lists them: open facets (countries, regions) by count and then alphabetically in the
    /// page's language ("Deutschland" before "Österreich" in German, "Austria" before "Germany" in English); the
    /// others in their fixed order.
    /// </summary>
    public IReadOnlyList<FacetCount> InPageOrder(string facet, IEnumerable<FacetCount> values)
    {
        if (!Facet.IsOpen(facet))
        {
            return values as IReadOnlyList<FacetCount> ?? [.. values];
        }
        // Labels worked out once per value, compared by the page's culture only where the counts are equal.
        var labelled = values.Select(v => (Value: v, Label: FacetValue(facet, v))).ToArray();
        var compare = CultureInfo.CurrentCulture.CompareInfo;
        Array.Sort(labelled, (a, b) => a.Value.Selected != b.Value.Selected ? (a.Value.Selected ? -1 : 1)
            : a.Value.Count != b.Value.Count ? b.Value.Count.CompareTo(a.Value.Count)
            : compare.Compare(a.Label, b.Label, CompareOptions.IgnoreCase) is var byLabel and not 0 ? byLabel
            : string.CompareOrdinal(a.Value.Value, b.Value.Value));
        return [.. labelled.Select(v => v.Value)];
    }
}

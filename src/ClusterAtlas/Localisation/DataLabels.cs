using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// Names that come from data (countries, vocabulary terms, facet values) in the language of the page. The data
/// itself keeps the English names; this is where pages look up what to show.
/// </summary>
public sealed class DataLabels(CountryList countries, TermTranslations terms, IStringLocalizer<SharedResource> T)
{
    public string Country(string? code) => countries.LocalisedName(code);

    public string Term(string vocabulary, string label) => terms.Label(vocabulary, label);

    public string Term(VocabularyTerm term) => terms.Label(term.Vocabulary, term.Label);

    /// <summary>A facet value's label: countries and terms from their translations, excellence labels and member ranges from the UI strings.</summary>
    public string FacetValue(string facet, string value, string label) => facet switch
    {
        Facet.Country or Facet.CooperatesWith => countries.LocalisedName(value),
        Facet.Label or Facet.Members => T[label],
        _ when Facet.VocabularyOf(facet) is { } vocabulary => terms.Label(vocabulary, label),
        _ => label,
    };
}

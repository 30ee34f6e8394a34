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
    /// A vocabulary's choices (broader terms before their narrower ones, as the forms list them) in the reader's
    /// alphabet: in Serbian and German the English order of an alphabetical list reads as no order at all. The same
    /// tree, each term's narrower terms still under it; a list in a deliberate order, or an English page, as given.
    /// </summary>
    public IReadOnlyList<(VocabularyTerm Term, int Depth)> InReadingOrder(IReadOnlyList<(VocabularyTerm Term, int Depth)> choices)
    {
        if (choices.Count == 0 || !Vocabulary.IsListedByName(choices[0].Term.Vocabulary)
            || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return choices;
        }
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var narrower = choices.Where(c => c.Depth > 0).ToLookup(c => c.Term.ParentId);
        var ordered = new List<(VocabularyTerm, int)>(choices.Count);
        void Add(IEnumerable<(VocabularyTerm Term, int Depth)> siblings)
        {
            foreach (var choice in siblings.OrderBy(c => Term(c.Term), byName))
            {
                ordered.Add(choice);
                Add(narrower[choice.Term.Id]);
            }
        }
        Add(choices.Where(c => c.Depth == 0));
        return ordered.Count == choices.Count ? ordered : choices;
    }

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

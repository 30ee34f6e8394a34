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

    /// <summary>
    /// Two countries of a collaboration: "Within Austria" when they are one, else both names in the reader's alphabet
    /// ("Deutschland – Österreich" on a German page; the pairs are kept by country code, which read as no order).
    /// </summary>
    public string CountryPair(string? first, string? second)
    {
        // A side without a country (an imported profile that gave none) names none: the other's, or nothing.
        if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(second))
        {
            var given = string.IsNullOrEmpty(first) ? second : first;
            return string.IsNullOrEmpty(given) ? "" : Country(given);
        }
        if (string.Equals(first, second, StringComparison.OrdinalIgnoreCase))
        {
            return string.Format(CultureInfo.CurrentCulture, T["Within {0}"], Country(first));
        }
        var (a, b) = (Country(first), Country(second));
        return StringComparer.CurrentCulture.Compare(a, b) <= 0 ? $"{a} – {b}" : $"{b} – {a}";
    }

    public string Term(string vocabulary, string label) => terms.Label(vocabulary, label);

    public string Term(VocabularyTerm term) => terms.Label(term.Vocabulary, term.Label);

    public string FacetValue(string facet, FacetCount value) => FacetValue(facet, value.Value, value.Name);

    /// <summary>
    /// A vocabulary's choices (broader terms before their narrower ones, as the forms list them) in the reader's
    /// alphabet: in Serbian and German the English order of an alphabetical list reads as no order at all. The same
    /// tree, each term's narrower terms still under it; a list in a deliberate order, or an English page, as given.
    /// </summary>
    public IReadOnlyList<(VocabularyTerm Term, int Depth)> InReadingOrder(IReadOnlyList<(VocabularyTerm Term, int Depth)> choices) =>
        choices.Count == 0 || !InReadersAlphabet(choices[0].Term.Vocabulary) ? choices : (IReadOnlyList<(VocabularyTerm, int)>)TreeByName(choices, c => c.Depth, c => Term(c.Term));

    /// <summary>Whether a vocabulary's list is reordered for this page: an alphabetical one, on a page not in English.</summary>
    private static bool InReadersAlphabet(string vocabulary) =>
        Vocabulary.IsListedByName(vocabulary) && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";

    /// <summary>
    /// A tree given as a list in tree order (each item after its broader one, one level deeper) with each item's
    /// siblings sorted by name in the page's culture, each item's narrower ones still under it.
    /// </summary>
    private static List<T> TreeByName<T>(IReadOnlyList<T> items, Func<T, int> depthOf, Func<T, string> nameOf)
    {
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        // Each item's narrower items, found as the list gives them: under the last item less deep than it.
        var children = new List<int>[items.Count + 1];
        var open = new Stack<(int Index, int Depth)>();
        for (var i = 0; i < items.Count; i++)
        {
            var depth = depthOf(items[i]);
            while (open.Count > 0 && open.Peek().Depth >= depth)
            {
                open.Pop();
            }
            (children[open.Count > 0 ? open.Peek().Index : items.Count] ??= []).Add(i);
            open.Push((i, depth));
        }
        var names = items.Select(nameOf).ToArray();
        var ordered = new List<T>(items.Count);
        void Add(List<int>? siblings)
        {
            foreach (var i in siblings?.OrderBy(i => names[i], byName) ?? Enumerable.Empty<int>())
            {
                ordered.Add(items[i]);
                Add(children[i]);
            }
        }
        Add(children[items.Count]);
        return ordered;
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
    /// page's language ("Deutschland" before "Österreich" in German, "Austria" before "Germany" in English); an
    /// alphabetical vocabulary's terms in the reader's alphabet, as the forms list them; the others in their fixed order.
    /// </summary>
    public IReadOnlyList<FacetCount> InPageOrder(string facet, IEnumerable<FacetCount> values)
    {
        if (!Facet.IsOpen(facet))
        {
            var listed = values as IReadOnlyList<FacetCount> ?? [.. values];
            return Facet.VocabularyOf(facet) is { } vocabulary && InReadersAlphabet(vocabulary)
                ? (IReadOnlyList<FacetCount>)TreeByName(listed, v => v.Depth, v => FacetValue(facet, v))
                : listed;
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

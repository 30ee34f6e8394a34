using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.PartnerSearch;

/// <summary>The posting form with its choices: terms (narrower ones under broader ones) and countries in the page's language.</summary>
public sealed class PostingFormView(PostingForm form, IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries, DataLabels labels)
{
    public PostingForm Form { get; } = form;

    public required ClusterOrganisation Profile { get; init; }

    /// <summary>The posting being edited, or null for a new one.</summary>
    public PartnerSearchPosting? Posting { get; init; }

    public IReadOnlyList<(VocabularyTerm Term, int Depth)> Choices(string vocabulary)
    {
        var candidates = terms.Values.Where(t => t.Vocabulary == vocabulary).ToList();
        var ordered = new List<(VocabularyTerm, int)>();
        void Add(int? parentId, int depth)
        {
            foreach (var term in candidates.Where(t => t.ParentId == parentId).OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal))
            {
                ordered.Add((term, depth));
                Add(term.Id, depth + 1);
            }
        }
        Add(null, 0);
        ordered.AddRange(candidates.Where(t => ordered.All(o => o.Item1.Id != t.Id)).Select(t => (t, 0)));
        return ordered;
    }

    public IReadOnlyList<(string Code, string Name)> Countries =>
        [.. countries.All.Select(c => (c.Code, Name: labels.Country(c.Code))).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
}

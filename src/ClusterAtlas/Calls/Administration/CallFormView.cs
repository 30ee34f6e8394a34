using ClusterAtlas.Localisation;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Calls.Administration;

/// <summary>The call form with its choices: terms (narrower under broader, as the posting form lists them) and countries in the page's language.</summary>
public sealed class CallFormView(CallForm form, IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries, DataLabels labels, FundingCall? call)
{
    private readonly PostingFormView _choices = new(new PostingForm(), terms, countries, labels) { Profile = null! };

    public CallForm Form { get; } = form;

    /// <summary>The call being edited, or null for a new one.</summary>
    public FundingCall? Call { get; } = call;

    public IReadOnlyList<(VocabularyTerm Term, int Depth)> Choices(string vocabulary) => _choices.Choices(vocabulary);

    public IReadOnlyList<(string Code, string Name)> Countries => _choices.Countries;
}

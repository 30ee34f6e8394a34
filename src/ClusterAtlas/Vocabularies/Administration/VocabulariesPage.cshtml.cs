using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Vocabularies.Administration;

/// <summary>The vocabularies with their term counts, and every term imports proposed, waiting for review.</summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class VocabulariesPageModel(VocabularyAdministration vocabularies) : PageModel
{
    public IReadOnlyDictionary<(string Vocabulary, TermStatus Status), int> Counts { get; private set; } = new Dictionary<(string, TermStatus), int>();

    public IReadOnlyList<TermUsage> Proposed { get; private set; } = [];

    public int Count(string vocabulary, TermStatus status) => Counts.GetValueOrDefault((vocabulary, status));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await vocabularies.CountsAsync(cancellationToken);
        Proposed = await vocabularies.ProposedAsync(cancellationToken);
    }
}

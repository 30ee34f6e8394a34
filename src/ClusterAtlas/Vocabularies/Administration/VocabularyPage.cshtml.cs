using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Vocabularies.Administration;

/// <summary>One vocabulary's terms, with their other spellings, status and use, and the form to add a term.</summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class VocabularyPageModel(VocabularyAdministration vocabularies, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromRoute]
    public string Vocabulary { get; set; } = "";

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public int? ParentId { get; set; }

    public IReadOnlyList<TermUsage> Terms { get; private set; } = [];

    /// <summary>The term just added or changed, to confirm it above the list.</summary>
    public string? Done { get; private set; }

    public bool IsHierarchical => Vocabularies.Vocabulary.IsHierarchical(Vocabulary);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? done, CancellationToken cancellationToken)
    {
        if (!Vocabularies.Vocabulary.All.Contains(Vocabulary))
        {
            return NotFound();
        }
        Done = done;
        Terms = await vocabularies.TermsAsync(Vocabulary, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Vocabularies.Vocabulary.All.Contains(Vocabulary))
        {
            return NotFound();
        }
        Terms = await vocabularies.TermsAsync(Vocabulary, cancellationToken);
        if (await vocabularies.LabelProblemAsync(Vocabulary, Label, null, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(Label), problem);
        }
        if (ParentId is { } parentId && (!IsHierarchical || !Terms.Any(t => t.Term.Id == parentId && t.Term.Status == TermStatus.Active)))
        {
            ModelState.AddModelError(nameof(ParentId), T["Choose the parent from the list."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var term = await vocabularies.AddAsync(User, Vocabulary, Label!, ParentId, cancellationToken);
        return Redirect($"/admin/vocabularies/{Vocabulary}?done={Uri.EscapeDataString(term.Label)}");
    }
}

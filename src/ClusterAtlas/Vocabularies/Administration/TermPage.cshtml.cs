using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Vocabularies.Administration;

/// <summary>
/// One term: rename it, retire or restore it; for a term an import proposed, accept it, merge it into another term or
/// reject it (the page says how many profiles lose it before the button does it).
/// </summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class TermPageModel(VocabularyAdministration vocabularies, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromRoute]
    public string Vocabulary { get; set; } = "";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string? NewLabel { get; set; }

    [BindProperty]
    public int? TargetId { get; set; }

    public VocabularyTerm Term { get; private set; } = null!;

    public int Profiles { get; private set; }

    /// <summary>The terms a proposed term may be merged into: the vocabulary's terms in use.</summary>
    public IReadOnlyList<VocabularyTerm> MergeTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>A post that names no action.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (await vocabularies.LabelProblemAsync(Vocabulary, NewLabel, Id, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(NewLabel), problem);
            return Page();
        }
        await vocabularies.RenameAsync(User, Term, NewLabel!, cancellationToken);
        return Done();
    }

    public Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken) =>
        ActAsync(TermStatus.Active, term => vocabularies.RetireAsync(User, term, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ActAsync(TermStatus.Retired, term => vocabularies.RestoreAsync(User, term, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        ActAsync(TermStatus.Proposed, term => vocabularies.AcceptAsync(User, term, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Term.Status != TermStatus.Proposed)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        var target = MergeTargets.FirstOrDefault(t => t.Id == TargetId);
        if (target is null)
        {
            ModelState.AddModelError(nameof(TargetId), T["Choose the term to merge it into from the list."]);
            return Page();
        }
        var tracked = await vocabularies.FindAsync(target.Id, cancellationToken);
        await vocabularies.MergeAsync(User, Term, tracked!, cancellationToken);
        return Redirect($"/admin/vocabularies/{Vocabulary}?done={Uri.EscapeDataString(tracked!.Label)}");
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Term.Status != TermStatus.Proposed)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        await vocabularies.RejectAsync(User, Term, cancellationToken);
        return Redirect("/admin/vocabularies");
    }

    /// <summary>Runs an action that only a term in <paramref name="from"/> status can take (a stale page's post is refused).</summary>
    private async Task<IActionResult> ActAsync(TermStatus from, Func<VocabularyTerm, Task> action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Term.Status != from)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        await action(Term);
        return Done();
    }

    private RedirectResult Done() => Redirect($"/admin/vocabularies/{Vocabulary}?done={Uri.EscapeDataString(Term.Label)}");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var term = await vocabularies.FindAsync(Id, cancellationToken);
        if (term is null || term.Vocabulary != Vocabulary)
        {
            return false;
        }
        Term = term;
        Profiles = await vocabularies.ProfileCountAsync(Id, cancellationToken);
        if (term.Status == TermStatus.Proposed)
        {
            MergeTargets = [.. (await vocabularies.TermsAsync(Vocabulary, cancellationToken)).Select(t => t.Term).Where(t => t.Status == TermStatus.Active)];
        }
        return true;
    }
}

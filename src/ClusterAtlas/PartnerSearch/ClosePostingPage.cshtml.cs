using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Closes a posting (partners found, or no longer sought); for those who may edit its profile, checked on the server.</summary>
[Authorize]
public class ClosePostingPageModel(IAuthorizationService authorization, PostingEditor editor) : PageModel
{
    public PartnerSearchPosting Posting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int postingId, CancellationToken cancellationToken) =>
        await AuthorizeAsync(postingId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int postingId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(postingId, cancellationToken) is { } refused)
        {
            return refused;
        }
        await editor.CloseAsync(Posting, cancellationToken);
        return Redirect($"/partner-search/{Posting.Id}?done=closed");
    }

    private async Task<IActionResult?> AuthorizeAsync(int postingId, CancellationToken cancellationToken)
    {
        var posting = await editor.FindAsync(postingId, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }
        if (!await authorization.MayEditAsync(User, posting.Profile))
        {
            return this.Refusal();
        }
        Posting = posting;
        return null;
    }
}

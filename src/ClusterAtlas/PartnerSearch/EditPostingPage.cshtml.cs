using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Edits a posting (a later deadline renews an expired one); for those who may edit its profile, checked on the server.</summary>
[Authorize]
public class EditPostingPageModel(IAuthorizationService authorization, PostingEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : PostingFormPageModel(editor, countries, labels, T)
{
    public PartnerSearchPosting Posting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int postingId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(postingId, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = PostingForm.From(Posting);
        await ShowAsync(Posting.Profile, Posting, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int postingId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(postingId, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!await ValidateAsync(Posting.Profile, Posting, cancellationToken))
        {
            return Page();
        }
        await Editor.UpdateAsync(Posting, Form, cancellationToken);
        return Redirect($"/partner-search/{Posting.Id}?done=saved");
    }

    private async Task<IActionResult?> AuthorizeAsync(int postingId, CancellationToken cancellationToken)
    {
        var posting = await Editor.FindAsync(postingId, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }
        if (!await authorization.MayEditAsync(User, posting.Profile))
        {
            return Refuse();
        }
        Posting = posting;
        return null;
    }
}

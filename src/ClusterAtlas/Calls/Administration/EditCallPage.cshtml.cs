using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls.Administration;

/// <summary>The platform team changes or deletes a call; its slug stays, so links to it keep working.</summary>
public class EditCallPageModel(ClusterAtlas.Data.ClusterAtlasDbContext db, CallEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : CallFormPageModel(editor, countries, labels, T)
{
    public FundingCall Call { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int callId, CancellationToken cancellationToken)
    {
        if (await Editor.FindAsync(callId, cancellationToken) is not { } call)
        {
            return NotFound();
        }
        Call = call;
        Form = CallForm.From(call);
        await ShowAsync(call, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int callId, CancellationToken cancellationToken)
    {
        if (await Editor.FindAsync(callId, cancellationToken) is not { } call)
        {
            return NotFound();
        }
        Call = call;
        if (!await ValidateAsync(call, cancellationToken))
        {
            return Page();
        }
        Editor.Update(call, Form);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/calls/{call.Slug}?done=saved");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int callId, CancellationToken cancellationToken)
    {
        if (await Editor.FindAsync(callId, cancellationToken) is not { } call)
        {
            return NotFound();
        }
        await Editor.DeleteAsync(call, cancellationToken);
        return Redirect("/admin/calls?done=deleted");
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>An event the platform team organises or enters itself: published at once.</summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class TeamEventPageModel(EventEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : EventFormPageModel(editor, countries, labels, T)
{
    public override string CancelPath => "/moderation";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.IsOnline = true;
        await ShowAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(null, cancellationToken))
        {
            return Page();
        }
        var e = await Editor.CreateAsync(Form, null, User, cancellationToken);
        return Redirect($"/events/{e.Slug}?done=published");
    }
}

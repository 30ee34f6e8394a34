using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>
/// A new event on behalf of a cluster organisation, by those who may edit its profile (checked on the server for the page
/// and the post). Only a published profile submits one: the event links to its page.
/// </summary>
[Authorize]
public class NewEventPageModel(ClusterAtlasDbContext db, IAuthorizationService authorization, EventEditor editor,
    CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : EventFormPageModel(editor, countries, labels, T)
{
    public ClusterOrganisation Profile { get; private set; } = null!;

    public bool IsPublished => Profile.Status == ProfileStatus.Published;

    public override string CancelPath => $"/cluster-organisations/{Profile.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form.IsOnline = false;
        Form.CountryCode = Profile.CountryCode;
        await ShowAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!IsPublished)
        {
            await ShowAsync(null, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!await ValidateAsync(null, cancellationToken))
        {
            return Page();
        }
        var e = await Editor.CreateAsync(Form, Profile, User, cancellationToken);
        return Redirect($"/events/{e.Slug}?done=submitted");
    }

    private async Task<IActionResult?> AuthorizeAsync(string slug, CancellationToken cancellationToken)
    {
        var (profile, refusal) = await this.FindEditableProfileAsync(db, authorization, slug, cancellationToken);
        if (profile is null)
        {
            return refusal;
        }
        Profile = profile;
        return null;
    }
}

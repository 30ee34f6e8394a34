using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>Changing an event: its organiser profile's editors and the platform team (checked for the page and the post).</summary>
[Authorize]
public class EditEventPageModel(ClusterAtlasDbContext db, EventEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : EventFormPageModel(editor, countries, labels, T)
{
    public ClusterEvent Event { get; private set; } = null!;

    public override string CancelPath => $"/events/{Event.Slug}";

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(string eventSlug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(eventSlug, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = EventForm.From(Event);
        await ShowAsync(Event, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string eventSlug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(eventSlug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!await ValidateAsync(Event, cancellationToken))
        {
            return Page();
        }
        await Editor.UpdateAsync(Event, Form, User, cancellationToken);
        return Redirect($"/events/{Event.Slug}?done=saved");
    }

    private async Task<IActionResult?> AuthorizeAsync(string eventSlug, CancellationToken cancellationToken)
    {
        var e = await db.Set<ClusterEvent>().Include(x => x.OrganiserProfile).SingleOrDefaultAsync(x => x.Slug == eventSlug, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }
        if (!await Editor.MayEditAsync(User, e))
        {
            return Refuse();
        }
        Event = e;
        return null;
    }
}

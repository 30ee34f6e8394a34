using ClusterAtlas.Accounts;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>What the new, the platform team's and the edit pages share: the form, its choices and its checks.</summary>
public abstract class EventFormPageModel(EventEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    /// <summary>The sector labels to choose from.</summary>
    public IReadOnlySet<string> SectorChoices { get; private set; } = new HashSet<string>();

    public IReadOnlyList<(string Code, string Name)> CountryChoices =>
        [.. countries.All.Select(c => (c.Code, Name: labels.Country(c.Code))).OrderBy(c => c.Name, StringComparer.CurrentCulture)];

    /// <summary>Where Cancel leads.</summary>
    public abstract string CancelPath { get; }

    /// <summary>True when the event is new (the button says "Submit" rather than "Save").</summary>
    public virtual bool IsNew => true;

    protected EventEditor Editor => editor;

    protected async Task ShowAsync(ClusterEvent? e, CancellationToken cancellationToken) =>
        SectorChoices = await editor.ChoosableSectorsAsync(e, cancellationToken);

    /// <summary>Checks the posted form; false (with every error in the model state and the page ready to show) when it is not valid.</summary>
    protected async Task<bool> ValidateAsync(ClusterEvent? e, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await ShowAsync(e, cancellationToken);
        foreach (var (field, message) in Form.Validate(SectorChoices, countries, editor.Now, T))
        {
            ModelState.AddModelError(field, message);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return ModelState.IsValid;
    }

    /// <summary>Anonymous visitors are sent to sign in; signed-in people who may not are refused.</summary>
    protected IActionResult Refuse() => this.Refusal();
}

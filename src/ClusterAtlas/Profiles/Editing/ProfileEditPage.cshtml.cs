using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The profile form, one step at a time, for the profile's administrators (and staff). Each save writes only the
/// step's fields, refuses a stale copy (showing both versions, keeping what was typed) and records a revision.
/// </summary>
[Authorize]
public class ProfileEditPageModel(ProfileEditor editor, EditableProfiles editable) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    /// <summary>The version of the profile the form was filled from.</summary>
    [BindProperty]
    public Guid Token { get; set; }

    public ClusterOrganisation Profile { get; private set; } = null!;
    public ProfileFormStep Step { get; private set; } = ProfileFormStep.All[0];
    public ProfileFormView FormView { get; private set; } = null!;
    public bool Saved { get; private set; }
    public bool JustCreated { get; private set; }

    /// <summary>Set when the save was refused because someone else saved first: their version of this step's fields.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }

    /// <summary>The group whose "Add another" button was pressed, and how many empty rows it is to show.</summary>
    private (string? Group, int EmptyRows) adding;

    public async Task<IActionResult> OnGetAsync(string slug, string? step, bool saved, bool created, string? add, int rows, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, step, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Form = editor.FormOf(Profile);
        Form.NameCountriesAndLanguages(editor.Countries, forReader: true);
        Token = Profile.ConcurrencyToken;
        Saved = saved;
        JustCreated = created;
        adding = (add, rows);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    /// <param name="add">
    /// Set by an "Add another" button: the step is saved as by "Save", and the form comes back with one more empty
    /// row in that group (without script; with script the row is added in the page and this is not used).
    /// </param>
    public async Task<IActionResult> OnPostAsync(string slug, string? step, string? then, string? add, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, step, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var group = RepeatedGroup.Find(add) is { } found && Step.Properties.Contains(found.Property) ? found : null;
        if (group is not null)
        {
            adding = (group.Property, EmptyRowsPosted(group.Property) + 1);
            then = null;
        }
        // Only this step's fields come from the post; the rest stays as stored. Countries and languages are named as
        // the stored form names them, whatever the language they were typed in.
        Form.NameCountriesAndLanguages(editor.Countries, forReader: false);
        var wanted = editor.FormOf(Profile);
        Step.CopyFields(Form, wanted);
        // Bound values that could not be read (a number field with letters) are already in ModelState.
        var validator = await editor.ValidatorAsync(cancellationToken, Profile);
        foreach (var error in validator.Validate(wanted, [Step]))
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            await PrepareAsync(cancellationToken);
            return Page();
        }
        switch (await editor.SaveFieldsAsync(Profile, Form, Step.Properties, Token, User, cancellationToken))
        {
            case SaveOutcome.Conflict conflict:
                var diff = await editor.DiffAsync(cancellationToken);
                Conflict = [.. diff.Compare(conflict.Stored, wanted).Where(c => Step.Properties.Contains(c.Property))];
                // The form keeps what was typed; saving again (knowingly) replaces the other version.
                Token = conflict.StoredToken;
                ModelState.Remove(nameof(Token));
                Response.StatusCode = StatusCodes.Status409Conflict;
                await PrepareAsync(cancellationToken);
                return Page();
            default:
                if (group is not null)
                {
                    return Redirect($"/cluster-organisations/{Profile.Slug}/edit/{Step.Id}?saved=true&add={group.Property}&rows={adding.EmptyRows}");
                }
                var next = then == "next" ? Step.Next : null;
                return next is null
                    ? (then == "next" && Profile.Status != ProfileStatus.Published
                        ? Redirect($"/cluster-organisations/{Profile.Slug}/submit")
                        : Redirect($"/cluster-organisations/{Profile.Slug}/edit/{Step.Id}?saved=true"))
                    : Redirect($"/cluster-organisations/{Profile.Slug}/edit/{next.Id}?saved=true");
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, string? step, CancellationToken cancellationToken)
    {
        if (ProfileFormStep.Find(step ?? ProfileFormStep.All[0].Id) is not { } found)
        {
            return NotFound();
        }
        var loaded = await editable.FindAsync(User, slug, withContent: true, cancellationToken);
        if (!loaded.Found)
        {
            return loaded.Refusal;
        }
        Profile = loaded.Profile;
        Step = found;
        return null;
    }

    private int EmptyRowsPosted(string property) =>
        typeof(ProfileForm).GetProperty(property)?.GetValue(Form) is IEnumerable<IFormRow> rows ? rows.Count(r => r.IsEmpty) : 0;

    private async Task PrepareAsync(CancellationToken cancellationToken) =>
        FormView = new ProfileFormView(Form, await editor.TermsAsync(cancellationToken), editor.Countries, adding.Group, adding.EmptyRows)
        {
            ProfileSlug = Profile.Slug,
            StoredPoint = Profile.Latitude is { } latitude && Profile.Longitude is { } longitude ? (latitude, longitude) : null,
        };
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// "Register your cluster organisation": the first step of the profile form. Saving it creates the profile as a
/// draft with the member as its administrator; the other steps follow on the edit pages.
/// </summary>
[Authorize]
public class RegisterProfilePageModel(ProfileEditor editor) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public ProfileFormView FormView { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var identity = ProfileFormStep.All[0];
        var draft = new ProfileForm();
        identity.CopyFields(Form, draft);
        foreach (var error in (await editor.ValidatorAsync(cancellationToken)).Validate(draft, [identity]))
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            await PrepareAsync(cancellationToken);
            return Page();
        }
        var profile = await editor.CreateDraftAsync(draft, User, cancellationToken);
        return Redirect($"/cluster-organisations/{profile.Slug}/edit/{identity.Next!.Id}?created=true");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken) =>
        FormView = new ProfileFormView(Form, await editor.TermsAsync(cancellationToken), editor.Countries);
}

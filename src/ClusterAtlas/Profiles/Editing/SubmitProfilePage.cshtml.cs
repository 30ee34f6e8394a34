using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The last step of registration: every field checked at once (each problem linked to its step), the validation
/// criteria as a checklist, and the request to publish. Unmet criteria can be waived by a moderator only when the
/// profile names a regional or national cluster programme.
/// </summary>
[Authorize]
public class SubmitProfilePageModel(ProfileEditor editor, EditableProfiles editable, ModerationMail mail, IStringLocalizer<SharedResource> T) : PageModel
{
    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<(ProfileFormStep Step, FormError Error)> Problems { get; private set; } = [];
    public IReadOnlyList<CriterionResult> Criteria { get; private set; } = [];
    public IReadOnlyList<string> ClusterProgrammes { get; private set; } = [];
    public bool JustSubmitted { get; private set; }

    public bool CriteriaMet => Criteria.All(c => c.Met);

    /// <summary>Complete, and either meeting the criteria or naming a programme that lets a moderator waive them.</summary>
    public bool MaySubmit => Problems.Count == 0 && (CriteriaMet || ClusterProgrammes.Count > 0)
        && Profile.Status is ProfileStatus.Draft or ProfileStatus.Rejected;

    public async Task<IActionResult> OnGetAsync(string slug, bool submitted, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        JustSubmitted = submitted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!MaySubmit)
        {
            ModelState.AddModelError(string.Empty, Profile.Status == ProfileStatus.Submitted
                ? T["This profile is already submitted."]
                : T["The profile cannot be submitted yet: see what is missing below."]);
            return Page();
        }
        // Queued in the shared context first: the submission's own commit saves the mail with it.
        await mail.QueueSubmittedAsync(Profile, cancellationToken);
        await mail.QueueReceivedAsync(Profile, cancellationToken);
        await editor.SubmitAsync(Profile, cancellationToken);
        return Redirect($"/cluster-organisations/{Profile.Slug}/submit?submitted=true");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var loaded = await editable.FindAsync(User, slug, withContent: true, cancellationToken);
        if (!loaded.Found)
        {
            return loaded.Refusal;
        }
        var profile = loaded.Profile;
        if (profile.Status == ProfileStatus.Published)
        {
            return Redirect($"/cluster-organisations/{profile.Slug}/edit");
        }
        Profile = profile;
        var form = editor.FormOf(profile);
        var validator = await editor.ValidatorAsync(cancellationToken, Profile);
        Problems = [.. ProfileFormStep.All.SelectMany(step => validator.Validate(form, [step]).Select(error => (step, error)))];
        Criteria = ValidationCriteria.Check(form, T);
        ClusterProgrammes = ValidationCriteria.ClusterProgrammes(form);
        return null;
    }
}

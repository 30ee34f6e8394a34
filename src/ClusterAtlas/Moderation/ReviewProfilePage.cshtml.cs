using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Moderation;

/// <summary>
/// One profile as the validation team checks it: every field filled in, the criteria checklist, the cluster
/// programmes it names; for a submitted profile, the decision: publish (waiving unmet criteria when it names a
/// programme) or send it back with the reason.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class ReviewProfilePageModel(ProfileEditor editor, ModerationWorkflow workflow, ClusterAtlasDbContext db, IStringLocalizer<SharedResource> T)
    : PageModel
{
    /// <summary>A filled-in field: its label (an English key) and its value as lines.</summary>
    public sealed record FieldValue(string Label, IReadOnlyList<string> Lines);

    public sealed record StepContent(ProfileFormStep Step, IReadOnlyList<FieldValue> Fields);

    public sealed record Administrator(string Name, string? Email);

    /// <summary>The version of the profile the moderator is looking at: a decision on a version changed since is refused.</summary>
    [BindProperty]
    public Guid Token { get; set; }

    [BindProperty]
    public bool WaiveCriteria { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<StepContent> ProfileContent { get; private set; } = [];
    public IReadOnlyList<CriterionResult> Criteria { get; private set; } = [];
    public IReadOnlyList<string> ClusterProgrammes { get; private set; } = [];
    public IReadOnlyList<Administrator> Administrators { get; private set; } = [];

    public bool CriteriaMet => Criteria.All(c => c.Met);

    /// <summary>Publishing is possible when every criterion is met, or when a named cluster programme lets the moderator waive them.</summary>
    public bool MayApprove => CriteriaMet || ClusterProgrammes.Count > 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>A post that names no decision.</summary>
    public IActionResult OnPost() => BadRequest();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, profile => workflow.ApproveAsync(profile, Token, WaiveCriteria, User, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, profile => workflow.RejectAsync(profile, Token, Reason, User, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, Func<ClusterOrganisation, Task<ModerationResult>> decide, CancellationToken cancellationToken)
    {
        var reviewed = Token;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Token = reviewed;
        var result = await decide(Profile);
        if (result.Succeeded)
        {
            return Redirect($"/moderation?decided={id}");
        }
        ModelState.AddModelError(result.Field ?? string.Empty, result.Error!);
        // Shown as it is stored now (reloaded, in case the save was refused): the forms then decide on this version.
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Token));
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var profile = await editor.FindAsync(id, cancellationToken);
        if (profile is null)
        {
            return false;
        }
        Profile = profile;
        Token = profile.ConcurrencyToken;
        var form = editor.FormOf(profile);
        Criteria = ValidationCriteria.Check(form, T);
        ClusterProgrammes = ValidationCriteria.ClusterProgrammes(form);
        var values = (await editor.DiffAsync(cancellationToken)).Describe(form.Normalised());
        ProfileContent = [.. ProfileFormStep.All
            .Select(step => new StepContent(step, [.. step.Properties
                .Where(p => values[p].Count > 0)
                .Select(p => new FieldValue(ProfileFormLabels.Of[p], values[p]))]))
            .Where(s => s.Fields.Count > 0)];
        Administrators = await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == id)
            .OrderBy(a => a.AddedAt)
            .Select(a => new Administrator(a.User.DisplayName, a.User.Email))
            .ToListAsync(cancellationToken);
        return true;
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Moderation;

/// <summary>
/// The confirmation step of a revert: every field the change touched, with the value it holds now and the value it
/// would get back, a box to tick for each field to revert, and the reason the profile's administrators will read.
/// Nothing is changed until the form is posted.
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
public class RevertEditPageModel(ClusterAtlasDbContext db, ProfileEditor editor, ModerationWorkflow workflow) : PageModel
{
    /// <summary>One field of the change: what it holds now and what a revert gives it back.</summary>
    /// <param name="ChangedSince">Later saves changed it again: a revert replaces their value too.</param>
    public sealed record FieldRevert(string Property, string Label, IReadOnlyList<string> Now, IReadOnlyList<string> AfterRevert, bool ChangedSince, bool AlreadyEarlier);

    /// <summary>The fields ticked (property names of the profile form).</summary>
    [BindProperty(SupportsGet = true, Name = "field")]
    public List<string> Fields { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The version of the profile the moderator saw: a revert of a version changed since is refused.</summary>
    [BindProperty]
    public Guid Token { get; set; }

    public ProfileRevision Revision { get; private set; } = null!;
    public ClusterOrganisation Profile { get; private set; } = null!;
    public IReadOnlyList<FieldRevert> Changes { get; private set; } = [];

    /// <summary>Only changes to published profiles reach the feed and are reverted here; the others are their editors' business.</summary>
    public bool Revertible => Revision.ProfileStatus == ProfileStatus.Published;

    public async Task<IActionResult> OnGetAsync(long revisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(revisionId, cancellationToken))
        {
            return NotFound();
        }
        // Opened from the feed without a choice: every field of the change is ticked.
        if (!Fields.Any(f => Changes.Any(c => c.Property == f)))
        {
            Fields = [.. Changes.Where(c => !c.AlreadyEarlier).Select(c => c.Property)];
        }
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long revisionId, CancellationToken cancellationToken)
    {
        var seen = Token;
        if (!await LoadAsync(revisionId, cancellationToken))
        {
            return NotFound();
        }
        var result = await workflow.RevertAsync(Revision, Fields, seen, Reason, User, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/moderation/edits?reverted={revisionId}");
        }
        ModelState.AddModelError(result.Field ?? string.Empty, result.Error!);
        // Shown as stored now, so that a second confirmation is about what the revert would do now.
        await LoadAsync(revisionId, cancellationToken);
        ModelState.Remove(nameof(Token));
        return Page();
    }

    private async Task<bool> LoadAsync(long revisionId, CancellationToken cancellationToken)
    {
        var revision = await db.ProfileRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return false;
        }
        var profile = await editor.FindAsync(revision.ClusterOrganisationId, cancellationToken);
        if (profile is null)
        {
            return false;
        }
        (Revision, Profile, Token) = (revision, profile, profile.ConcurrencyToken);
        var diff = await editor.DiffAsync(cancellationToken);
        var current = editor.FormOf(profile);
        var before = ProfileForm.FromJson(revision.BeforeJson);
        var now = diff.Describe(current.Normalised());
        var changedTo = diff.Describe(ProfileForm.FromJson(revision.AfterJson).Normalised());
        var fields = ModerationWorkflow.ChangedFields(revision);
        var restored = diff.Describe(ModerationWorkflow.WithFieldsRestored(current, before, fields).Normalised());
        Changes = [.. fields.Select(f => new FieldRevert(f, ProfileFormLabels.Of[f], now[f], restored[f],
            !now[f].SequenceEqual(changedTo[f]), now[f].SequenceEqual(restored[f])))];
        return true;
    }
}

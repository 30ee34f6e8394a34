using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Notifications;

/// <summary>
/// The member's saved searches: saved from the directory's and the partner search's "Save this search" form, listed
/// with their links, deleted here. New partner searches and newly published profiles that a saved search finds are notified.
/// </summary>
[Authorize]
public class SavedSearchesPageModel(SavedSearches saved, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string Path = "/account/saved-searches";

    public IReadOnlyList<SavedSearch> Searches { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "saved" => T["Your search is saved. New partner searches it finds are notified to you."].Value,
            "saved-directory" => T["Your search is saved. Cluster organisations it finds when they are published are notified to you."].Value,
            "deleted" => T["The saved search is deleted."].Value,
            _ => null,
        };
        Searches = await saved.ListAsync(User.UserId()!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? name, string? scope, string? query, CancellationToken cancellationToken)
    {
        var outcome = Enum.TryParse<SavedSearchScope>(scope, out var parsedScope) && Enum.IsDefined(parsedScope) && !int.TryParse(scope, out _)
            ? await saved.SaveAsync(User.UserId()!, parsedScope, name, query, cancellationToken)
            : SaveSearchOutcome.QueryInvalid;
        switch (outcome)
        {
            case SaveSearchOutcome.Saved:
                return LocalRedirect(Path + (parsedScope == SavedSearchScope.Directory ? "?done=saved-directory" : "?done=saved"));
            case SaveSearchOutcome.NameMissing:
                ModelState.AddModelError("name", T["Give the search a name."]);
                break;
            case SaveSearchOutcome.NameTooLong:
                ModelState.AddModelError("name", T["The name is at most {0} characters long.", SavedSearch.MaxNameLength]);
                break;
            case SaveSearchOutcome.TooMany:
                ModelState.AddModelError("name", T["You have {0} saved searches, the most there can be: delete one first.", SavedSearch.MaxPerMember]);
                break;
            default:
                ModelState.AddModelError("query", T["This search cannot be saved: its filters are not valid. Search again from the list and save it there."]);
                break;
        }
        Searches = await saved.ListAsync(User.UserId()!, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await saved.DeleteAsync(User.UserId()!, id, cancellationToken);
        return LocalRedirect(Path + "?done=deleted");
    }
}

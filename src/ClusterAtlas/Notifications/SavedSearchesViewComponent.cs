using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Notifications;

/// <summary>The saved searches section of the account page.</summary>
public sealed class SavedSearchesViewComponent(SavedSearches saved) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Notifications/_SavedSearchList.cshtml", await saved.ListAsync(UserClaimsPrincipal.UserId()!, HttpContext.RequestAborted));
}

using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Accounts;

/// <summary>The accounts of the platform, searched and paged, for administrators (with two-factor authentication); each opens a page to lock it or change its roles.</summary>
[Authorize(Policy = AccountPolicies.Administrator)]
public class AdminUsersPageModel(AccountAdministration administration) : AccountPageModel
{
    public Paged<AccountRow> Accounts { get; private set; } = null!;

    /// <summary>The search as typed.</summary>
    public string? Search { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "q")] string? search, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Search = search;
        Accounts = await administration.ListAsync(search, pageNumber, cancellationToken);
    }
}

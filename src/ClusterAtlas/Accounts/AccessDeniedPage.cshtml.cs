namespace ClusterAtlas.Accounts;

public class AccessDeniedPageModel : AccountPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

[IgnoreAntiforgeryToken]
public class ErrorPageModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Words from the address that was not found, offered as a search.</summary>
    public string? SearchHint { get; private set; }

    /// <summary>The request needed a link for an e-mail, and the configuration names no address to make it from.</summary>
    public bool NoPublicAddress { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code;
        NoPublicAddress = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is Accounts.UntrustedAddressException;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (original is not null && original.StartsWith("/cluster-organisations/", StringComparison.OrdinalIgnoreCase))
        {
            SearchHint = original["/cluster-organisations/".Length..].Split('/')[0].Replace('-', ' ');
        }
    }
}

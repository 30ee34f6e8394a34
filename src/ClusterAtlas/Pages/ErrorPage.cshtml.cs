using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

[IgnoreAntiforgeryToken]
public class ErrorPageModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Words from the address that was not found, offered as a search.</summary>
    public string? SearchHint { get; private set; }

    /// <summary>What was wrong with the request's parameters, when a page said so (<see cref="PageNumberFilter"/>).</summary>
    public IReadOnlyDictionary<string, ParameterError[]> ParameterErrors { get; private set; } = new Dictionary<string, ParameterError[]>();

    /// <summary>The address the status is shown for, without its query (the first page of a list).</summary>
    public string? OriginalPath { get; private set; }

    /// <summary>The request needed a link for an e-mail, and the configuration names no address to make it from.</summary>
    public bool NoPublicAddress { get; private set; }

    /// <summary>
    /// Whatever the method (the page is shown for another request's status, which may be a PUT or a DELETE): no handler,
    /// the code is read here.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Show(int.TryParse(RouteData.Values["code"] as string, CultureInfo.InvariantCulture, out var code) ? code : StatusCodes.Status404NotFound);
    }

    private void Show(int code)
    {
        var shownFor = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!shownFor)
        {
            // Asked for by its own address: the status it describes, not 200 (a link checker would count it a page).
            code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
            Response.StatusCode = code;
        }
        Code = code;
        if (HttpContext.Items[PageNumberFilter.ErrorsKey] is IReadOnlyDictionary<string, ParameterError[]> errors)
        {
            ParameterErrors = errors;
        }
        NoPublicAddress = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is Accounts.UntrustedAddressException;
        var original = OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (original is not null && original.StartsWith("/cluster-organisations/", StringComparison.OrdinalIgnoreCase))
        {
            SearchHint = original["/cluster-organisations/".Length..].Split('/')[0].Replace('-', ' ');
        }
    }
}

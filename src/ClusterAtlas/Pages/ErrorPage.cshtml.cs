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

    /// <summary>For a form sent after the session ended (401): what it held, to be copied; shown, never stored.</summary>
    public IReadOnlyList<(string Name, string Value)> SentValues { get; private set; } = [];

    /// <summary>For a 401: the sign-in page, which leads back to the form's page.</summary>
    public string SignInUrl { get; private set; } = "/account/login";

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
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var original = OriginalPath = reExecuted?.OriginalPath;
        if (code == StatusCodes.Status401Unauthorized && reExecuted is not null)
        {
            SignInUrl = "/account/login?ReturnUrl=" + Uri.EscapeDataString(reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString);
            // The form's own values as sent (the request token left out); Razor encodes them where they are shown.
            // Never a password or a code (shown on a screen, it is read over a shoulder), and never kept by a cache.
            Response.Headers.CacheControl = "no-store";
            SentValues = Request.HasFormContentType
                ? [.. Request.Form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal) && !IsSecret(f.Key))
                    .SelectMany(f => f.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (Name: f.Key, Value: v!)))]
                : [];
        }
        if (original is not null && original.StartsWith("/cluster-organisations/", StringComparison.OrdinalIgnoreCase))
        {
            SearchHint = original["/cluster-organisations/".Length..].Split('/')[0].Replace('-', ' ');
        }
    }

    /// <summary>Fields whose value is a secret: passwords, one-time codes, recovery codes, tokens.</summary>
    private static bool IsSecret(string field) => SecretWords.Any(word => field.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] SecretWords = ["password", "code", "token", "secret"];
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

/// <summary>
/// A page without a handler for the request's method (a POST to the profile page, the print view, the moderation
/// queue; a PUT anywhere) answers 405 Method Not Allowed. Razor Pages would otherwise render the page without running
/// any handler, with its model never loaded. An authorization filter, so that it answers before the antiforgery check,
/// which would call a form sent without a token malformed (400) where the method is what is wrong.
/// </summary>
public sealed class GetOnlyPageFilter : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || context.ActionDescriptor is not CompiledPageActionDescriptor page
            // The error page shown for another page's status (a 404 for a PUT to no page) answers with that status.
            || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
            || page.HandlerMethods.Any(handler => string.Equals(handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ",
            new[] { HttpMethods.Get, HttpMethods.Head }.Concat(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())).Distinct(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}

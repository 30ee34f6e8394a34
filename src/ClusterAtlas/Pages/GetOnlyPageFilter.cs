using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Pages;

/// <summary>
/// A page without a handler for the request (a POST to the profile page, the print view, the moderation queue; a POST
/// without the handler name a page's forms send, or with an unknown one; a PUT anywhere) answers 405 Method Not
/// Allowed. Razor Pages would otherwise render the page without running any handler, with its model never loaded.
/// Decided as an authorization filter, from the page's handlers and the handler name asked for, so that it answers
/// before the antiforgery check (which would call a form sent without a token malformed, 400, where the method is what
/// is wrong); and once more when Razor Pages has selected the handler, in case its choice differs.
/// </summary>
public sealed class GetOnlyPageFilter : IAuthorizationFilter, IAsyncPageFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page || Exempt(context.HttpContext))
        {
            return;
        }
        var method = context.HttpContext.Request.Method;
        // Razor Pages takes the handler's name from the route, else from the query string, and runs no handler whose
        // name differs (an unnamed handler only for a request that names none).
        var asked = context.RouteData.Values["handler"] as string ?? context.HttpContext.Request.Query["handler"].FirstOrDefault();
        if (!page.HandlerMethods.Any(handler => string.Equals(handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(handler.Name ?? "", asked ?? "", StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = NotAllowed(context.HttpContext, page);
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !Exempt(context.HttpContext))
        {
            context.Result = NotAllowed(context.HttpContext, context.ActionDescriptor);
            return;
        }
        await next();
    }

    /// <summary>Reads, and the error page shown for another request's status (a 404 for a PUT to no page), which answers with that status.</summary>
    private static bool Exempt(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
        || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
        || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static StatusCodeResult NotAllowed(HttpContext context, CompiledPageActionDescriptor page)
    {
        context.Response.Headers.Allow = string.Join(", ",
            new[] { HttpMethods.Get, HttpMethods.Head }.Concat(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())).Distinct(StringComparer.Ordinal));
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}

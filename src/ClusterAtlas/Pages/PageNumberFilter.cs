using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClusterAtlas.Pages;

/// <summary>
/// The signed-in lists (accounts, the moderation queue, recent edits, the audit log, revisions, notifications) take their
/// page number by model binding, which reads <c>?page=abc</c> or <c>?page=0</c> as the first page without a word. A
/// handler that binds a parameter named "page" gets it checked here first: a page number that is not a whole number
/// from 1 up, or is given twice, is answered 400 with the error page naming the parameter and what was given, as the
/// public lists answer theirs. (A number past the last page still shows the last: only the list knows its length.)
/// </summary>
public sealed class PageNumberFilter : IPageFilter
{
    /// <summary>Where the errors wait for the error page, which the 400 is re-executed to.</summary>
    public static readonly object ErrorsKey = new();

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod?.Parameters.Any(p => p.BindingInfo?.BinderModelName == "page") != true)
        {
            return;
        }
        var given = context.HttpContext.Request.Query["page"];
        if (ParameterError.PageNumber(given) is not null)
        {
            return;
        }
        context.HttpContext.Items[ErrorsKey] = new Dictionary<string, ParameterError[]>
        {
            ["page"] = [given.Count > 1 ? ParameterError.GivenTwice("page") : ParameterError.NotAPageNumber("page", given[0] ?? "")],
        };
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

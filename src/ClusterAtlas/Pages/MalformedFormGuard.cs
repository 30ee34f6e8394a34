using Microsoft.AspNetCore.Http.Features;

namespace ClusterAtlas.Pages;

/// <summary>
/// Reads a posted form once, before anything binds it. A form the framework refuses to parse (a NUL character,
/// more than 1,024 fields, a value over 4 MB, a broken multipart body) is the client's mistake: it gets the 400 page,
/// and the request goes on with an empty form so that the error page itself does not trip over the same body.
/// </summary>
public sealed partial class MalformedFormGuard(RequestDelegate next, ILogger<MalformedFormGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                LogRefused(logger, Operations.StructuredLogging.LoggedPath(context.Request), exception.Message);
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a malformed form posted to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}

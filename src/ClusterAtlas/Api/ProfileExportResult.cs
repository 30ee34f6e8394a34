using ClusterAtlas.ImportExport;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.Api;

/// <summary>
/// An export answer: written while the profiles are read, a batch at a time (<see cref="ProfileExportBatches"/>), so
/// it has no ETag (that would need the whole file first). It is offered for saving, with the data licence as a Link header.
/// </summary>
public sealed class ProfileExportResult(string format, IReadOnlyList<int> profileIds) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        var batches = services.GetRequiredService<ProfileExportBatches>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var response = httpContext.Response;
        var (_, contentType, _, _) = ExportApi.Formats.Single(f => f.Extension == format);
        response.ContentType = contentType;
        response.Headers.CacheControl = $"public, max-age={ApiAnswer.MaxAgeSeconds}";
        response.Headers.Link = $"<{batches.Licence.Url}>; rel=\"license\"";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = ExportApi.FileName(format, now) }.ToString();
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }
        var cancellationToken = httpContext.RequestAborted;
        var profiles = batches.ReadAsync(profileIds, cancellationToken);
        var body = response.Body;
        switch (format)
        {
            case "csv":
                await ProfileCsvExport.WriteAsync(body, profiles, batches.Licence, cancellationToken);
                break;
            case "xlsx":
                // The zip writer under SpreadCheetah writes each entry's few-byte data descriptor synchronously
                // (the sheet's rows it writes asynchronously); Kestrel refuses that unless allowed.
                if (httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
                {
                    bodyControl.AllowSynchronousIO = true;
                }
                await ProfileXlsxExport.WriteAsync(body, profiles, batches.Licence, now, cancellationToken);
                break;
            default:
                await ProfileJsonExport.WriteAsync(body, profiles, cancellationToken);
                break;
        }
    }
}

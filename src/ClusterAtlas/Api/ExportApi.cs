using System.Globalization;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.ImportExport;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Api;

/// <summary>
/// GET /api/v1/cluster-organisations/export.csv, .xlsx and .json: every published profile the directory's words and
/// filters find (no pages), whole, streamed batch by batch. The directory page links to them with its own query string.
/// </summary>
public static class ExportApi
{
    public const string PathPrefix = "/api/v1/cluster-organisations/export.";

    /// <summary>The formats, their content types and the operation names of the OpenAPI document.</summary>
    public static readonly IReadOnlyList<(string Extension, string ContentType, string OperationId, string Summary)> Formats =
    [
        ("csv", ProfileCsvExport.ContentType, "ExportClusterOrganisationsCsv",
            "The published cluster organisations matching the directory's words and filters as CSV: one row a profile, the columns of docs/export-columns.md."),
        ("xlsx", ProfileXlsxExport.ContentType, "ExportClusterOrganisationsXlsx",
            "The same as an XLSX workbook: a sheet of profiles (the CSV's columns) and a sheet naming the data licence."),
        ("json", ProfileJsonExport.ContentType, "ExportClusterOrganisationsJson",
            "The same as a JSON array of whole profiles, each as GET /api/v1/cluster-organisations/{slug} answers it; the JSON import reads it back."),
    ];

    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        foreach (var (extension, contentType, operationId, summary) in Formats)
        {
            api.MapMethods("/cluster-organisations/export." + extension, ApiFeature.ReadMethods,
                    (HttpRequest request, DirectorySearch search, CancellationToken cancellationToken) => ExportAsync(extension, request, search, cancellationToken))
                .WithName(operationId)
                .WithTags("Cluster organisations")
                .WithSummary(summary)
                .WithDescription("Sort and paging do not apply: every match is exported, in the order of the profiles' ids. "
                    + "Contacts of team members that the profile shows to members only are left out. The data licence is in the answer's Link header (and in the XLSX and JSON files).")
                .Produces(StatusCodes.Status200OK, contentType: contentType.Split(';')[0]);
        }
        return api;
    }

    private static async Task<Results<ProfileExportResult, ValidationProblem>> ExportAsync(string format, HttpRequest request, DirectorySearch search,
        CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(request.Query, Facet.All, unpaged: true);
        if (!parsed.IsValid)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(parsed.Errors), title: "Invalid search parameters");
        }
        var (entries, _, errors) = await search.MatchingAsync(parsed.Query, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(errors), title: "Invalid search parameters");
        }
        return new ProfileExportResult(format, [.. entries.Select(e => e.Id)]);
    }

    /// <summary>The file name offered for saving: the platform's name for the data and the day of the export.</summary>
    public static string FileName(string format, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"cluster-organisations-{at.UtcDateTime:yyyy-MM-dd}.{format}");
}

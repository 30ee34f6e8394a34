using ClusterAtlas.Pages;
using ClusterAtlas.Caching;
using System.Globalization;
using System.Text;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Map;
using CsvHelper;

namespace ClusterAtlas.Statistics;

/// <summary>
/// GET /statistics/{table}.csv: one table of the statistics page as CSV (UTF-8 with a byte-order mark, so
/// spreadsheets read the accents), with the directory's words and filters from the query string.
/// </summary>
public static class StatisticsCsv
{
    public static void Map(WebApplication app) =>
        app.MapMethods("/statistics/{table}.csv", ReadEndpoints.Methods, WriteAsync).ExcludeFromDescription().WithMetadata(VariesByLanguage.Marker).CacheForReaders(ContentTags.Profiles, ContentTags.Vocabularies);

    private static async Task<IResult> WriteAsync(string table, HttpContext context, DirectorySearch search, ClusterStatistics statistics, Network.NetworkIndex network, CancellationToken cancellationToken)
    {
        if (!ClusterStatistics.TableIds.Contains(table, StringComparer.Ordinal))
        {
            return TypedResults.NotFound();
        }
        var results = await ResultsView.ReadAsync(context.Request, search, cancellationToken);
        if (results.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(Pages.ParameterError.InEnglish(results.Errors), title: "Invalid search parameters");
        }
        var found = statistics.Compute(results, await network.CurrentAsync(cancellationToken)).Single(t => t.Id == table);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Region names are typed by members: a spreadsheet must not run one that starts like a formula.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord(found.SecondHeading is null ? ["key", found.KeyHeading, found.ValueHeading] : ["key", found.KeyHeading, found.ValueHeading, found.SecondHeading]);
            foreach (var row in found.Rows)
            {
                var value = row.Value.ToString(CultureInfo.InvariantCulture);
                csv.WriteRecord(found.SecondHeading is null ? [row.Key, row.Label, value] : [row.Key, row.Label, value, (row.Second ?? 0).ToString(CultureInfo.InvariantCulture)]);
            }
        }
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"cluster-statistics-{table}.csv");
    }
}

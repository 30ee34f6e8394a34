using System.Text.Json.Nodes;
using ClusterAtlas.Pages;
using CsvHelper;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Profiles as CSV: UTF-8 with a byte-order mark (spreadsheets then read the accents), the header on the
/// first line, one row a profile (<see cref="ProfileExportColumns"/>). Written and flushed batch by batch.
/// </summary>
public static class ProfileCsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const char CommentPrefix = '#';
    public const char FormulaEscape = '\'';

    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<JsonObject>> batches, DataLicenceOptions licence, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, CommentPrefix = CommentPrefix, NewLine = "\r\n" }, leaveOpen: true);
        await using (csv)
        {
            // No line before the header: spreadsheets and CSV readers take the first line for the column names. The
            // licence travels in the answer's Link header and in the documentation of the columns.
            await csv.WriteRecordAsync([.. ProfileExportColumns.All.Select(c => c.Name)], cancellationToken);
            await foreach (var batch in batches.WithCancellation(cancellationToken))
            {
                foreach (var profile in batch)
                {
                    await csv.WriteRecordAsync([.. ProfileExportColumns.All.Select(c => Cell(c, profile))], cancellationToken);
                }
                await csv.FlushAsync(cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// A cell; text typed by members that starts like a formula gets an apostrophe before it, which spreadsheets read as
    /// "this is text" and the CSV import takes off again. Numbers are the platform's own and written as they are.
    /// </summary>
    private static string Cell(ProfileExportColumn column, JsonObject profile)
    {
        var text = column.Text(profile) ?? "";
        return !column.IsNumeric && LooksLikeFormula(text) ? FormulaEscape + text : text;
    }

    /// <summary>The value of a cell as exported, its formula escape taken off (the inverse of the export's escape).</summary>
    public static string Unescape(string cell) => cell.Length > 1 && cell[0] == FormulaEscape && LooksLikeFormula(cell[1..]) ? cell[1..] : cell;

    /// <summary>Starts with a formula character, after any apostrophes (so that escaping stays reversible).</summary>
    private static bool LooksLikeFormula(string text)
    {
        var start = text.AsSpan().TrimStart(FormulaEscape);
        return start.Length > 0 && FormulaStarts.Contains(start[0]);
    }
}

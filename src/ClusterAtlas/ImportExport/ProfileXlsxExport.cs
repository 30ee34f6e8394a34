using System.Globalization;
using System.Text.Json.Nodes;
using ClusterAtlas.Pages;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Profiles as an XLSX workbook, written row by row by SpreadCheetah (nothing of the sheet is kept in memory): a sheet
/// "Profiles" with the columns of the CSV (<see cref="ProfileExportColumns"/>), numbers as numbers and yes/no as
/// booleans, and a sheet "Licence" naming the data licence. Cells hold text, never formulas.
/// </summary>
public static class ProfileXlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most characters a spreadsheet cell holds.</summary>
    public const int MaxCellLength = 32_767;

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<JsonObject>> batches, DataLicenceOptions licence,
        DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
        await workbook.StartWorksheetAsync("Profiles", new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        var columns = ProfileExportColumns.All;
        await workbook.AddRowAsync([.. columns.Select(c => new DataCell(c.Name))], cancellationToken);
        var row = new DataCell[columns.Count];
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            foreach (var profile in batch)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    row[i] = Cell(columns[i], profile);
                }
                await workbook.AddRowAsync(row, cancellationToken);
            }
        }
        await workbook.StartWorksheetAsync("Licence", token: cancellationToken);
        await workbook.AddRowAsync([new DataCell("Data licence"), new DataCell(licence.Name)], cancellationToken);
        await workbook.AddRowAsync([new DataCell("Licence text"), new DataCell(licence.Url)], cancellationToken);
        await workbook.AddRowAsync([new DataCell("Exported"), new DataCell(exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))], cancellationToken);
        await workbook.AddRowAsync([new DataCell("Columns"), new DataCell("docs/export-columns.md")], cancellationToken);
        await workbook.FinishAsync(cancellationToken);
    }

    private static DataCell Cell(ProfileExportColumn column, JsonObject profile)
    {
        var text = column.Text(profile);
        if (text is null)
        {
            return new DataCell((string?)null);
        }
        if (column.IsNumeric && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new DataCell(number);
        }
        if (column.IsYesNo && bool.TryParse(text, out var yes))
        {
            return new DataCell(yes);
        }
        // A spreadsheet refuses a longer cell; only very long success stories reach it (the CSV and JSON keep them whole).
        return new DataCell(text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…"));
    }
}

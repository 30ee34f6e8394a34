using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles.Schema;
using CsvHelper;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Reads CSV in the layout of the CSV export (<see cref="ProfileExportColumns"/>): a header of column names, one row a
/// profile, "#" comment lines (the licence line) skipped, several values joined with "; ". Each row becomes the
/// profile's JSON, so the JSON import checks and writes it. A column the export does not have is kept under its name
/// (the import reports it as a field it cannot place); a column that is left out leaves that field as it is.
/// </summary>
public static class CsvProfileFile
{
    public static IReadOnlyList<ProfileRecord> Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException error)
        {
            var line = bytes.AsSpan(0, Math.Min(error.Index, bytes.Length)).Count((byte)'\n') + 1;
            throw new MalformedProfileFileException(source, line, "not UTF-8 text; save the file as CSV UTF-8");
        }
        var records = new List<ProfileRecord>();
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions
        {
            CommentPrefix = ProfileCsvExport.CommentPrefix,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            SkipEmptyLines = true,
        }, leaveOpen: false);
        try
        {
            IReadOnlyList<string> headers = [];
            while (csv.Read())
            {
                if (headers.Count == 0)
                {
                    headers = [.. csv.Headers];
                    if (!headers.Any(h => h.Trim().Equals("name", StringComparison.OrdinalIgnoreCase)) && !headers.Any(h => h.Trim().Equals("slug", StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new MalformedProfileFileException(source, (int)csv.LineNumber - 1,
                            "the header names neither a \"name\" nor a \"slug\" column; the first line (after comments) names the columns, as the CSV export writes them");
                    }
                }
                var where = string.Create(CultureInfo.InvariantCulture, $"row {csv.RowNumber}");
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != headers.Count)
                {
                    records.Add(new ProfileRecord(source, where, line, null,
                        string.Create(CultureInfo.InvariantCulture, $"has {csv.FieldCount} fields and the header {headers.Count}")));
                    continue;
                }
                records.Add(new ProfileRecord(source, where, line, Row(csv, headers)));
            }
        }
        catch (CsvFormatException error)
        {
            throw new MalformedProfileFileException(source, (int)error.LineNumber, "not valid CSV: " + error.Message.TrimEnd('.'));
        }
        return records;
    }

    private static JsonObject Row(CsvReader csv, IReadOnlyList<string> headers)
    {
        var json = new JsonObject();
        var groups = new Dictionary<ProfileSchemaField, List<(ProfileExportColumn Column, List<string?> Items)>>();
        for (var i = 0; i < headers.Count; i++)
        {
            var cell = csv.Current.GetString(i);
            var column = ProfileExportColumns.Find(headers[i]);
            if (column is null)
            {
                if (cell.Trim().Length > 0)
                {
                    json[headers[i].Trim()] = cell;
                }
                continue;
            }
            if (column.IsNumeric is false)
            {
                cell = ProfileCsvExport.Unescape(cell);
            }
            if (column.Group is { } group)
            {
                if (!groups.TryGetValue(group, out var columns))
                {
                    groups[group] = columns = [];
                }
                columns.Add((column, cell.Trim().Length == 0 ? [] : ProfileExportColumn.Split(cell)));
                continue;
            }
            json[column.Name] = column.IsMultiValued ? Items(column.Field!, cell) : Scalar(column.Field, cell);
        }
        foreach (var (group, columns) in groups)
        {
            var rows = new JsonArray();
            var count = columns.Max(c => c.Items.Count);
            for (var r = 0; r < count; r++)
            {
                var row = new JsonObject();
                foreach (var (column, items) in columns)
                {
                    row[ProfileJsonName(column.Field!)] = Scalar(column.Field, r < items.Count ? items[r] ?? "" : "");
                }
                rows.Add(row);
            }
            json[Api.ProfileJson.PropertyName(group)] = rows;
        }
        return json;
    }

    private static string ProfileJsonName(ProfileSchemaField field) => Api.ProfileJson.PropertyName(field);

    private static JsonArray Items(ProfileSchemaField field, string cell)
    {
        var items = cell.Trim().Length == 0 ? [] : ProfileExportColumn.Split(cell).OfType<string>();
        return field.Kind == FieldKind.Terms
            ? new JsonArray([.. items.Select(label => (JsonNode)new JsonObject { ["label"] = label })])
            : new JsonArray([.. items.Select(item => (JsonNode)item)]);
    }

    /// <summary>A cell as the JSON export writes the field: numbers and yes/no as such when they read as such (else the text, which the import reports).</summary>
    private static JsonNode? Scalar(ProfileSchemaField? field, string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var invariant = CultureInfo.InvariantCulture;
        return field?.Kind switch
        {
            FieldKind.Count when int.TryParse(text, NumberStyles.Integer, invariant, out var count) => count,
            FieldKind.Number when decimal.TryParse(text, NumberStyles.Float, invariant, out var number) => number,
            FieldKind.Coordinate when double.TryParse(text, NumberStyles.Float, invariant, out var degrees) => degrees,
            FieldKind.YesNo when bool.TryParse(text, out var yes) => yes,
            null when bool.TryParse(text, out var flag) => flag,
            _ => text,
        };
    }
}

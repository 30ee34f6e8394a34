using System.Globalization;
using System.Text;
using CsvHelper;

namespace ClusterAtlas.Calls;

/// <summary>A row of a calls CSV: its line in the file and its cells by column name (lower case).</summary>
public sealed record CallCsvRow(int Line, IReadOnlyDictionary<string, string> Cells);

/// <summary>A problem of an import, where it is: the line (1 is the header) and the column, when it is one cell's.</summary>
public sealed record CallImportError(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null
        ? string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"line {Line}, column \"{Column}\": {Message}");
}

/// <summary>
/// Reads CSV in the calls' layout (docs/calls-csv.md) with CsvHelper: a header naming the columns in any order, one row
/// a call. The file is read whole before anything is checked, so a broken file reports where and stores nothing.
/// </summary>
public static class CallCsvFile
{
    public static (IReadOnlyList<CallCsvRow> Rows, IReadOnlyList<CallImportError> Errors) Read(byte[] bytes)
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
            return ([], [new CallImportError(line, null, "not UTF-8 text; save the file as CSV UTF-8")]);
        }
        var rows = new List<CallCsvRow>();
        var errors = new List<CallImportError>();
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions
        {
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
                    headers = [.. csv.Headers.Select(h => h.Trim().ToLowerInvariant())];
                    var headerLine = (int)csv.LineNumber - 1;
                    foreach (var unknown in headers.Where(h => CallCsvColumns.All.All(c => c.Column != h)))
                    {
                        errors.Add(new CallImportError(headerLine, unknown, "not a column of the calls' layout (see docs/calls-csv.md)"));
                    }
                    foreach (var twice in headers.GroupBy(h => h).Where(g => g.Count() > 1))
                    {
                        errors.Add(new CallImportError(headerLine, twice.Key, "the column is named twice"));
                    }
                    foreach (var missing in CallCsvColumns.All.Where(c => c.Required && !headers.Contains(c.Column)))
                    {
                        errors.Add(new CallImportError(headerLine, missing.Column, "the header lacks this column, which every call needs"));
                    }
                    if (errors.Count > 0)
                    {
                        return ([], errors);
                    }
                }
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != headers.Count)
                {
                    errors.Add(new CallImportError(line, null, string.Create(CultureInfo.InvariantCulture,
                        $"the row has {csv.FieldCount} fields and the header {headers.Count}")));
                    continue;
                }
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    cells[headers[i]] = csv.Current.GetString(i);
                }
                rows.Add(new CallCsvRow(line, cells));
            }
        }
        catch (CsvFormatException error)
        {
            return ([], [new CallImportError((int)error.LineNumber, null, "not valid CSV: " + error.Message.TrimEnd('.'))]);
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CallImportError(1, null, "the file has no calls: a header line and one line per call"));
        }
        return (rows, errors);
    }
}

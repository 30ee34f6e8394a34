using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Reads the platform's JSON export (an array of profiles in the API's shape; a single profile object is taken too):
/// each element with the line it starts on. A file that is not JSON is refused with the line of the fault; an element
/// that is not an object is a bad record, reported and skipped.
/// </summary>
public static class JsonProfileFile
{
    public static IReadOnlyList<ProfileRecord> Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var json = bytes.AsSpan();
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }
        var records = new List<ProfileRecord>();
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                throw new MalformedProfileFileException(source, 1, "the file is empty; a JSON export is an array of profiles ([{...}, ...])");
            }
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                records.Add(Element(json, ref reader, source, "the profile", lines));
            }
            else if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new MalformedProfileFileException(source, lines.LineAt(json, (int)reader.TokenStartIndex),
                    "expected an array of profiles ([{...}, ...]), as the JSON export writes");
            }
            else
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    records.Add(Element(json, ref reader, source, $"element {records.Count + 1}", lines));
                }
            }
            if (reader.Read())
            {
                throw new MalformedProfileFileException(source, lines.LineAt(json, (int)reader.TokenStartIndex), "more JSON after the end of the array");
            }
        }
        catch (JsonException error)
        {
            var message = error.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new MalformedProfileFileException(source, (int)(error.LineNumber ?? 0) + 1,
                "not valid JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd('.'));
        }
        return records;
    }

    private static ProfileRecord Element(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, string source, string where, LineCounter lines)
    {
        var start = (int)reader.TokenStartIndex;
        var line = lines.LineAt(json, start);
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        reader.Skip();
        if (!isObject)
        {
            return new ProfileRecord(source, where, line, null, "is not a profile: a profile is a JSON object ({...})");
        }
        try
        {
            var value = JsonNode.Parse(json[start..(int)reader.BytesConsumed], documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return new ProfileRecord(source, where, line, value!.AsObject());
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            return new ProfileRecord(source, where, line, null, error.Message);
        }
    }

    /// <summary>Counts lines forward only, so finding the line of each element costs one pass over the file.</summary>
    private sealed class LineCounter
    {
        private int _offset;
        private int _line = 1;

        public int LineAt(ReadOnlySpan<byte> json, int offset)
        {
            if (offset > _offset)
            {
                _line += json[_offset..offset].Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}

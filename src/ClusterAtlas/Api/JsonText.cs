using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterAtlas.Api;

/// <summary>What a JSON body's text may hold, and how its parser's complaints are told to a client.</summary>
public static partial class JsonText
{
    /// <summary>
    /// The body's strings that no field takes, by JSON path: a control character other than a tab or a line break
    /// (NUL, the bell, the escape of terminal colours), or half of a character (an unpaired surrogate escape such as
    /// \uD800). The form refuses them, so the API does: stored, they break exports, mail and other readers' terminals.
    /// </summary>
    public static Dictionary<string, string[]> UnfitStrings(JsonNode body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Visit(body);
        return errors;

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject members:
                    foreach (var (_, member) in members)
                    {
                        Visit(member);
                    }
                    break;
                case JsonArray items:
                    foreach (var item in items)
                    {
                        Visit(item);
                    }
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    if (Problem(value) is { } problem)
                    {
                        errors[PathOf(value)] = [problem];
                    }
                    break;
            }
        }
    }

    private static string? Problem(JsonValue value)
    {
        string text;
        try
        {
            text = value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return "This text holds half of a character (an unpaired surrogate escape such as \\uD800); send the whole character or leave it out.";
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"This text holds the control character U+{(int)c:X4} at position {i + 1}; no field takes control characters other than tabs and line breaks.");
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "This text holds half of a character (an unpaired surrogate escape such as \\uD800); send the whole character or leave it out.";
            }
        }
        return null;
    }

    /// <summary>A node's JSON path as the API's errors name fields: managementTeam[1].email.</summary>
    private static string PathOf(JsonNode node)
    {
        var path = node.GetPath();
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>
    /// The parser's complaint without its internals, with the place counted from 1 as editors count: System.Text.Json
    /// says "Path: $ | LineNumber: 0 | BytePositionInLine: 16.", which reads as the line before the first.
    /// </summary>
    public static string Explain(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        if (cut >= 0)
        {
            message = message[..cut];
        }
        var (line, position) = (exception.LineNumber, exception.BytePositionInLine);
        if (line is null && Place().Match(exception.Message) is { Success: true } place)
        {
            (line, position) = (long.Parse(place.Groups[1].ValueSpan, CultureInfo.InvariantCulture), long.Parse(place.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
        }
        return line is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{message.TrimEnd()} (line {at + 1}, column {(position ?? 0) + 1}).")
            : message;
    }

    // The parser of JsonNode says where only in its message.
    [System.Text.RegularExpressions.GeneratedRegex(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial System.Text.RegularExpressions.Regex Place();
}

using System.Globalization;
using System.Text;

namespace ClusterAtlas.Moderation;

/// <summary>
/// What the audit log is narrowed to, all of it in the query string (so a filtered view is a link, and works without
/// JavaScript): the kind of event, who acted and what it concerned (parts of their names, any case), and a range of
/// days (UTC, both ends included).
/// </summary>
public sealed record AuditFilter(ModerationActionKind? Kind, string? Actor, string? Subject, DateOnly? From, DateOnly? To)
{
    public static readonly AuditFilter None = new(null, null, null, null, null);

    public bool IsEmpty => this == None;

    /// <summary>The filter as query-string parameters (without the page), e.g. "kind=RoleGranted&amp;actor=ana".</summary>
    public string Query
    {
        get
        {
            var query = new StringBuilder();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
                }
            }
            Add("kind", Kind?.ToString());
            Add("actor", Actor);
            Add("subject", Subject);
            Add("from", From?.ToString(DateFormat, CultureInfo.InvariantCulture));
            Add("to", To?.ToString(DateFormat, CultureInfo.InvariantCulture));
            return query.ToString();
        }
    }

    /// <summary>The format of the date fields (what an input of type date sends).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The longest text a name filter takes.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Reads a date field; null with <paramref name="valid"/> false when it holds something that is not a date.</summary>
    public static DateOnly? ParseDate(string? text, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        valid = false;
        return null;
    }

    /// <summary>A name filter as typed, trimmed; null when empty.</summary>
    public static string? Text(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength] : trimmed;
    }
}

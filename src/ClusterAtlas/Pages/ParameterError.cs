using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Pages;

/// <summary>
/// What is wrong with a query-string parameter, as an English template and its values: the API answers in English
/// (what clients match on, whatever the Accept-Language), a page in the reader's language (the template is the key
/// of the UI strings).
/// </summary>
public sealed record ParameterError(string Template, params string[] Values)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Values);

    /// <summary>The message in the page's language.</summary>
    public string In(IStringLocalizer localizer) => localizer[Template, [.. Values]];

    /// <summary>The errors as the API's problem details list them.</summary>
    public static Dictionary<string, string[]> InEnglish(IReadOnlyDictionary<string, ParameterError[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(error => error.ToString()).ToArray(), StringComparer.Ordinal);

    public static ParameterError GivenTwice(string parameter) => new ParameterError("'{0}' may be given once.", parameter);

    public static ParameterError NotAWholeNumber(string parameter, int highest, string value) =>
        new ParameterError("'{0}' must be a whole number from {1} to {2}; got '{3}'.", parameter, "1", highest.ToString(CultureInfo.InvariantCulture), value);

    /// <summary>A page number that is not one, where the number of pages is not known yet.</summary>
    public static ParameterError NotAPageNumber(string parameter, string value) =>
        new ParameterError("'{0}' must be a whole number from 1 up; got '{1}'.", parameter, value);

    /// <summary>
    /// A list page's page number from the query string: 1 when not given, null when it is given twice or is not a whole
    /// number from 1 up (the caller reports it, and a number past the last page, which only it knows).
    /// </summary>
    public static int? PageNumber(Microsoft.Extensions.Primitives.StringValues given) =>
        given.Count == 0 ? 1
        : given.Count == 1 && int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page
        : null;

    public static ParameterError NotOneOf(string parameter, IEnumerable<string> allowed, string value) =>
        new ParameterError("'{0}' must be one of {1}; got '{2}'.", parameter, string.Join(", ", allowed), value);
}

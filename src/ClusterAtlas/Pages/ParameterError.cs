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

    public static ParameterError NotOneOf(string parameter, IEnumerable<string> allowed, string value) =>
        new ParameterError("'{0}' must be one of {1}; got '{2}'.", parameter, string.Join(", ", allowed), value);
}

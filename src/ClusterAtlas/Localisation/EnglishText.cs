using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The UI strings in English whatever the request's language: the keys of the shared resource are the English text.
/// For answers whose words do not follow the visitor's language (the JSON API).
/// </summary>
public sealed class EnglishText : IStringLocalizer
{
    public static readonly EnglishText Instance = new();

    public LocalizedString this[string name] => new(name, name, resourceNotFound: false);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, name, arguments), resourceNotFound: false);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

using System.Globalization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The languages that data (country names, vocabulary terms) is translated into besides English, in the order of
/// the columns of the translation files in Data/Seed/translations.
/// </summary>
public static class DataLanguages
{
    public static readonly IReadOnlyList<string> Translated = ["sr-Latn", "de"];

    /// <summary>The column of the current UI language in the translation files, or -1 for English (the labels themselves).</summary>
    public static int CurrentColumn()
    {
        for (var culture = CultureInfo.CurrentUICulture; culture.Name.Length > 0; culture = culture.Parent)
        {
            for (var i = 0; i < Translated.Count; i++)
            {
                if (string.Equals(culture.Name, Translated[i], StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /// <summary>The rows of a tab-separated data file, without comments and blank lines.</summary>
    public static IEnumerable<string[]> ReadRows(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return line.Split('\t');
        }
    }
}

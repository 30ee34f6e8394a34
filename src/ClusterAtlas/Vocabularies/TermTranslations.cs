using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.Vocabularies;

/// <summary>
/// The Serbian and German names of vocabulary terms, from Data/Seed/translations/{vocabulary}.tsv (English label,
/// Serbian, German), keyed by vocabulary and the English label matched tolerantly.
/// </summary>
public sealed class TermTranslations
{
    public const string Folder = "translations";

    private readonly Dictionary<(string Vocabulary, string Key), string[]> _names = [];

    public TermTranslations(IEnumerable<(string Vocabulary, string Label, string[] Translations)> rows)
    {
        foreach (var (vocabulary, label, translations) in rows)
        {
            _names.TryAdd((vocabulary, TextFolding.MatchKey(label)), translations);
        }
    }

    /// <summary>Every translation file beside the vocabularies, except the country names (CountryList reads those).</summary>
    public static TermTranslations Load()
    {
        var folder = SeedFiles.PathOf(Folder);
        return new TermTranslations(
            from file in System.IO.Directory.EnumerateFiles(folder, "*.tsv")
            let name = Path.GetFileNameWithoutExtension(file)
            where name != CountryList.TranslationsFile
            // A file translates the seed file of the same name, whose terms may belong to another vocabulary.
            let vocabulary = Vocabulary.All.FirstOrDefault(v => Vocabulary.FilesOf(v).Contains(name + ".txt")) ?? name
            from row in DataLanguages.ReadRows(file)
            select (vocabulary, row[0], row[1..]));
    }

    /// <summary>The term's name in the current UI language; the English label when there is no translation.</summary>
    public string Label(string vocabulary, string label)
    {
        var column = DataLanguages.CurrentColumn();
        return column >= 0 && Find(vocabulary, label) is { } names && column < names.Length && names[column].Length > 0 ? names[column] : label;
    }

    /// <summary>The term's names in the translated languages (empty when there are none), e.g. for search.</summary>
    public IReadOnlyList<string> TranslationsOf(string vocabulary, string label) => Find(vocabulary, label) ?? [];

    private string[]? Find(string vocabulary, string label) =>
        _names.GetValueOrDefault((vocabulary, TextFolding.MatchKey(label)));
}

using ClusterAtlas.Localisation;

namespace ClusterAtlas.Vocabularies;

/// <summary>Reads the data files that ship in Data/Seed beside the executable.</summary>
public static class SeedFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>The terms of a vocabulary, from every file it is seeded from (see <see cref="Vocabulary.FilesOf"/>).</summary>
    public static IReadOnlyList<SeedTerm> ReadVocabulary(string vocabulary) =>
        [.. Vocabulary.FilesOf(vocabulary).SelectMany(ReadVocabularyFile)];

    /// <summary>
    /// Terms of a vocabulary file, one a line; '#' starts a comment; two leading spaces per level
    /// make a term the child of the term above it. A comment "# alias (why): Other Spelling" gives the next term an alias.
    /// </summary>
    public static IReadOnlyList<SeedTerm> ReadVocabularyFile(string fileName)
    {
        var terms = new List<SeedTerm>();
        var parents = new List<string>();
        var aliases = new List<string>();
        foreach (var raw in File.ReadLines(PathOf(fileName)))
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            var comment = raw.TrimStart();
            if (comment.StartsWith('#'))
            {
                if (comment.TrimStart('#', ' ').StartsWith("alias", StringComparison.OrdinalIgnoreCase) && comment.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    aliases.Add(comment[(colon + 1)..].Trim());
                }
                continue;
            }
            var depth = (raw.Length - raw.TrimStart(' ').Length) / 2;
            var label = raw.Trim();
            if (parents.Count > depth)
            {
                parents.RemoveRange(depth, parents.Count - depth);
            }
            terms.Add(new SeedTerm(label, parents.Count > 0 ? parents[^1] : null, [.. aliases]));
            aliases.Clear();
            parents.Add(label);
        }
        return terms;
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>
/// Every UI string the views and code use (and every validation message) has its Serbian and German translation, so a
/// new string is caught when it is added, and the files translate only strings that exist.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string SourceDirectory = Path.Combine(TestTools.RepositoryRoot, "src", "ClusterAtlas");

    [Theory]
    [InlineData("sr-Latn")]
    [InlineData("de")]
    public void Every_language_has_every_key_the_views_and_code_use(string culture)
    {
        var translations = Resource(culture);
        var missing = UsedKeys().Where(key => !translations.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        Assert.True(missing.Count == 0, $"Missing in Resources/SharedResource.{culture}.resx:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("sr-Latn")]
    [InlineData("de")]
    public void Resource_files_hold_only_keys_in_use(string culture)
    {
        var used = UsedKeys().ToHashSet(StringComparer.Ordinal);
        var unused = Resource(culture).Keys.Where(key => !used.Contains(key)).ToList();
        Assert.True(unused.Count == 0, $"Keys in SharedResource.{culture}.resx that nothing uses (a typo, or a string that was removed):\n" + string.Join("\n", unused));
    }

    [Theory]
    [InlineData("sr-Latn")]
    [InlineData("de")]
    public void Translations_keep_the_placeholders(string culture)
    {
        foreach (var (key, value) in Resource(culture))
        {
            Assert.Equal(Placeholders(key), Placeholders(value));
        }
    }

    [Theory]
    [InlineData("sr-Latn")]
    [InlineData("de")]
    public void Keys_differ_by_more_than_case(string culture)
    {
        // Compiled resources look keys up ignoring case: "Terms of use" and "terms of use" would be one entry.
        var clashes = Resource(culture).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only by case: " + string.Join("; ", clashes));
    }

    [Fact]
    public void The_scan_finds_the_keys_of_views_and_code()
    {
        var keys = UsedKeys();
        Assert.Contains("Skip to content", keys);
        Assert.Contains("Total number of members", keys);
        Assert.Contains("General Information", keys);
        Assert.Contains("Gold Label", keys);
        Assert.Contains("The two passwords are not the same.", keys);
    }

    /// <summary>Keys written as T["..."] in any view or code file, plus the keys code builds: section titles and label names.</summary>
    private static SortedSet<string> UsedKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var separator = Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(SourceDirectory, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(SourceDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                     && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            foreach (Match match in LocalizerKey().Matches(File.ReadAllText(source)))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
            // Validation attributes' messages, which the data annotations localizer looks up in the same resources.
            foreach (Match match in ValidationMessage().Matches(File.ReadAllText(source)))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
            // What is wrong with a search's parameters, which pages show in the reader's language (ParameterError.In).
            foreach (Match match in ParameterErrorTemplate().Matches(File.ReadAllText(source)))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
            // A "what's new" section's heading is built from its key (WhatsNew.SectionHeadings).
            foreach (Match match in PublishedSection().Matches(File.ReadAllText(source)))
            {
                keys.Add($"WhatsNew.Section.{match.Groups["section"].Value}");
            }
        }
        keys.UnionWith(ProfileSection.All.Select(s => s.Title));
        keys.UnionWith(ClusterAtlas.ClusterDirectory.DirectoryPageModel.FacetTitles.Select(f => f.Title));
        // The profile form's steps and field labels (the form, the checklist and the diffs show them).
        keys.UnionWith(ClusterAtlas.Profiles.Editing.ProfileFormStep.All.Select(s => s.Title));
        keys.UnionWith(ClusterAtlas.Profiles.Editing.ProfileFormLabels.Of.Values);
        keys.UnionWith(ClusterAtlas.Profiles.Editing.RepeatedGroup.All.SelectMany(g => new[] { g.RowLegend, g.AddLabel }));
        keys.UnionWith(ClusterAtlas.Profiles.Editing.RepeatedGroup.RowFieldLabels.Values);
        // The messages the profile schema declares (required fields, ranges).
        keys.UnionWith(ClusterAtlas.Profiles.Schema.ProfileSchema.ResourceKeys);
        // The views show an excellence label as T[$"{label} Label"].
        keys.UnionWith(new[] { ExcellenceLabel.Bronze, ExcellenceLabel.Silver, ExcellenceLabel.Gold }.Select(label => $"{label} Label"));
        return keys;
    }

    private static Dictionary<string, string> Resource(string culture) =>
        XDocument.Load(Path.Combine(SourceDirectory, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex("""\bT\["(?<key>(?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ValidationMessage();

    [GeneratedRegex(@"\bnew (?:Pages\.)?ParameterError\(""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ParameterErrorTemplate();

    [GeneratedRegex("""\bstring Section => "(?<section>[a-z]+)";""")]
    private static partial Regex PublishedSection();

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

using System.Globalization;
using ClusterAtlas.Localisation;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>The translations of data: every vocabulary term and every country has a Serbian and a German name.</summary>
public sealed class DataTranslationTests
{
    // Excellence labels are not a vocabulary: a profile's label is one of three levels, named by the UI strings.
    private static readonly HashSet<string> ShownVocabularies = ["member-types", "support-facility-types", "management-roles"];

    /// <summary>Every vocabulary file the platform ships (not the country groups or the demo profile).</summary>
    private static List<string> VocabularyFiles() =>
        [.. System.IO.Directory.EnumerateFiles(SeedFiles.Folder, "*.txt")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(name => name != "country-groups" && !name.StartsWith("demo-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Vocabularies() => [.. VocabularyFiles()];

    [Fact]
    public void The_vocabularies_include_every_kind_of_term_pages_show()
    {
        var vocabularies = VocabularyFiles().ToHashSet();
        Assert.Superset(ShownVocabularies, vocabularies);
        Assert.Superset(Vocabulary.All.ToHashSet(), vocabularies);
    }

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void Every_term_has_a_Serbian_and_a_German_name(string vocabulary)
    {
        var translations = TermTranslations.Load();
        var terms = SeedFiles.ReadVocabulary(vocabulary);
        Assert.NotEmpty(terms);
        // A seed file's terms may belong to another vocabulary (upskilling services are support services).
        var owner = Vocabulary.All.FirstOrDefault(v => Vocabulary.FilesOf(v).Contains(vocabulary + ".txt")) ?? vocabulary;
        var missing = terms
            .Where(term => translations.TranslationsOf(owner, term.Label) is not [{ Length: > 0 }, { Length: > 0 }])
            .Select(term => term.Label)
            .ToList();
        Assert.True(missing.Count == 0, $"Data/Seed/translations/{vocabulary}.tsv lacks a Serbian or German name for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Translation_files_have_three_columns_and_no_label_twice()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(SeedFiles.PathOf(TermTranslations.Folder), "*.tsv"))
        {
            var rows = DataLanguages.ReadRows(file).ToList();
            Assert.All(rows, row => Assert.True(row.Length == 3 && row.All(cell => cell.Trim().Length > 0 && cell == cell.Trim()),
                $"{Path.GetFileName(file)}: “{string.Join("\t", row)}” is not an English label, a Serbian and a German name"));
            var twice = rows.GroupBy(row => row[0], StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{Path.GetFileName(file)} has these labels twice: {string.Join(", ", twice)}");
        }
    }

    [Theory]
    [InlineData("en", "Metalworking Technology", "Serbia", "Germany")]
    [InlineData("sr-Latn", "Tehnologije obrade metala", "Srbija", "Nemačka")]
    [InlineData("de", "Metallbearbeitungstechnik", "Serbien", "Deutschland")]
    public void Names_follow_the_UI_language(string culture, string term, string serbia, string germany)
    {
        var countries = CountryList.Load();
        var translations = TermTranslations.Load();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(term, translations.Label(Vocabulary.SectoralIndustries, "Metalworking Technology"));
            Assert.Equal(serbia, countries.LocalisedName("RS"));
            Assert.Equal(germany, countries.LocalisedName("DE"));
            // The stored, searchable English name does not change with the page.
            Assert.Equal("Serbia", countries.NameOf("RS"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_country_has_a_Serbian_and_a_German_name()
    {
        var countries = CountryList.Load();
        var missing = countries.All.Where(c => countries.TranslationsOf(c.Code) is not [{ Length: > 0 }, { Length: > 0 }]).Select(c => c.Code).ToList();
        Assert.True(missing.Count == 0, "No Serbian or German name for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("Srbija", "RS")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Nemačka", "DE")]
    [InlineData("Österreich", "AT")]
    public void Countries_are_found_by_their_Serbian_and_German_names(string name, string code) =>
        Assert.Equal(code, CountryList.Load().Find(name)?.Code);

    /// <summary>
    /// The profile form shows countries and languages in the reader's language and reads back what it showed (a language
    /// whose name would be read as another's code is shown by its English name: German names Sichuan Yi "Yi").
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("sr-Latn")]
    public void Every_country_and_language_is_found_by_its_name_in_each_language(string culture)
    {
        var countries = CountryList.Load();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var wrong = countries.All.Where(c => countries.Find(countries.LocalisedName(c.Code))?.Code != c.Code)
                .Select(c => $"{c.Code} ({countries.LocalisedName(c.Code)} finds {countries.Find(countries.LocalisedName(c.Code))?.Code})")
                .Concat(ClusterAtlas.ImportExport.LanguageCodes.All
                    .Where(l => ClusterAtlas.ImportExport.LanguageCodes.Find(ClusterAtlas.ImportExport.LanguageCodes.NameToType(l.Code)) != l.Code)
                    .Select(l => $"{l.Code} ({ClusterAtlas.ImportExport.LanguageCodes.NameToType(l.Code)} finds {ClusterAtlas.ImportExport.LanguageCodes.Find(ClusterAtlas.ImportExport.LanguageCodes.NameToType(l.Code))})"))
                .ToList();
            Assert.True(wrong.Count == 0, string.Join(", ", wrong));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("RS", "sr")]
    [InlineData("DE", "de")]
    [InlineData("AT", "de")]
    [InlineData("CH", "de")]
    [InlineData("BE", "nl")]
    [InlineData("SI", "sl")]
    [InlineData("LK", "si")]
    [InlineData("IE", "en")]
    public void A_country_main_language_is_a_language_not_its_country_code(string country, string language) =>
        Assert.Equal(language, CountryList.Load().MainLanguageOf(country));

    [Fact]
    public void Views_print_no_enum_names_with_ToString()
    {
        // An enum's name ("MembersOnly") is code, not words: views may use it only in a class name (badge-gold).
        var source = Path.Combine(TestTools.RepositoryRoot, "src", "ClusterAtlas");
        var printed = new List<string>();
        foreach (var view in System.IO.Directory.EnumerateFiles(source, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(view);
            for (var at = text.IndexOf(".ToString()", StringComparison.Ordinal); at >= 0; at = text.IndexOf(".ToString()", at + 1, StringComparison.Ordinal))
            {
                var attribute = text.LastIndexOf("class=\"", at, StringComparison.Ordinal);
                if (attribute < 0 || text[(attribute + 7)..at].Contains('"', StringComparison.Ordinal))
                {
                    printed.Add($"{Path.GetRelativePath(source, view)}: {text[Math.Max(0, at - 40)..(at + 11)].ReplaceLineEndings(" ")}");
                }
            }
        }
        Assert.True(printed.Count == 0, "Views print enum names (write the words with T[...]):\n" + string.Join("\n", printed));
    }

    [Fact]
    public async Task The_shipped_CLDR_files_match_the_packages()
    {
        TestTools.NodeModule("cldr-localenames-full/package.json");
        TestTools.NodeModule("cldr-core/package.json");
        var (exitCode, output) = await TestTools.RunNodeAsync(
            Path.Combine(TestTools.RepositoryRoot, "scripts", "generate-cldr-data.mjs"), "--check");
        Assert.True(exitCode == 0, output);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterAtlas.Localisation;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>The plural categories of whole numbers agree with the integer samples of CLDR's rules (cldr-core, pinned in tests/tools).</summary>
public sealed partial class PluralRulesTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("sr")]
    public void Whole_numbers_take_the_category_of_the_cldr_samples(string language)
    {
        var path = Path.Combine(TestTools.RepositoryRoot, "tests", "tools", "node_modules", "cldr-core", "supplemental", "plurals.json");
        using var plurals = JsonDocument.Parse(File.ReadAllText(path));
        var rules = plurals.RootElement.GetProperty("supplemental").GetProperty("plurals-type-cardinal").GetProperty(language);
        var culture = CultureInfo.GetCultureInfo(language == "sr" ? "sr-Latn" : language);
        var checkedSamples = 0;
        foreach (var rule in rules.EnumerateObject())
        {
            var category = Enum.Parse<PluralCategory>(rule.Name["pluralRule-count-".Length..], ignoreCase: true);
            var integers = IntegerSamples().Match(rule.Value.GetString()!);
            foreach (var sample in integers.Groups["samples"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(s => s != "…"))
            {
                var range = sample.Split('~');
                for (var n = long.Parse(range[0], CultureInfo.InvariantCulture); n <= long.Parse(range[^1], CultureInfo.InvariantCulture); n++)
                {
                    Assert.True(PluralRules.Of(culture, n) == category, $"{language} {n}: expected {category}, got {PluralRules.Of(culture, n)}");
                    checkedSamples++;
                }
            }
        }
        Assert.True(checkedSamples > 10, $"only {checkedSamples} samples found");
    }

    [Fact]
    public void Counts_are_written_in_the_form_of_their_category()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sr-Latn");
            var T = EnglishText.Instance;
            string Of(long n) => T.Plural(n, T["{0} one"], T["{0} few"], T["{0} other"]);
            Assert.Equal(["1 one", "2 few", "5 other", "11 other", "12 other", "21 one", "22 few", "1.000 other"], new long[] { 1, 2, 5, 11, 12, 21, 22, 1000 }.Select(Of));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [GeneratedRegex(@"@integer (?<samples>[^@]*)")]
    private static partial Regex IntegerSamples();
}

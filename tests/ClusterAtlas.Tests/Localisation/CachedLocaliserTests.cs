using System.Globalization;
using ClusterAtlas.Localisation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.Localisation;

/// <summary>The localiser that keeps what it found answers exactly as the resource files' own, in every language, whichever was asked first.</summary>
public sealed class CachedLocaliserTests
{
    private static ResourceManagerStringLocalizerFactory ResourceFiles() =>
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    [Fact]
    public void Every_string_in_every_language_is_the_resource_files_own()
    {
        var plain = ResourceFiles().Create(typeof(SharedResource));
        var cached = new CachedStringLocalizerFactory(ResourceFiles()).Create(typeof(SharedResource));
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            var names = plain.GetAllStrings(includeParentCultures: true).Select(s => s.Name).Append("A text no resource file has").ToList();
            Assert.True(names.Count > 100, $"only {names.Count} strings found");
            // Twice in each language, in turns: the second answer comes from what the first kept, for the right language.
            for (var round = 0; round < 2; round++)
            {
                foreach (var language in Languages.Supported)
                {
                    CultureInfo.CurrentUICulture = language.Culture;
                    foreach (var name in names)
                    {
                        var expected = plain[name];
                        var actual = cached[name];
                        Assert.Equal((expected.Value, expected.ResourceNotFound, expected.SearchedLocation), (actual.Value, actual.ResourceNotFound, actual.SearchedLocation));
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    [Theory]
    [InlineData("de", "both work on {0}")]
    [InlineData("sr-Latn", "{0} of your partners work with them")]
    [InlineData("en", "A text no resource file has: {0}")]
    public void Formatted_strings_are_the_resource_files_own(string culture, string name)
    {
        var plain = ResourceFiles().Create(typeof(SharedResource));
        var cached = new CachedStringLocalizerFactory(ResourceFiles()).Create(typeof(SharedResource));
        var (originalUi, original) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var expected = plain[name, 1234.5];
            var actual = cached[name, 1234.5];
            Assert.Equal((expected.Value, expected.ResourceNotFound, expected.SearchedLocation), (actual.Value, actual.ResourceNotFound, actual.SearchedLocation));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (originalUi, original);
        }
    }
}

using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Localisation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// What a subscriber may choose, as the forms list it (sectors by the directory's slugs, countries by ISO code, the
/// three languages), and the check of what a form sent: an unknown value is an error naming its field.
/// </summary>
public sealed class NewsletterChoices(ClusterAtlasDbContext db, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
{
    public sealed record Choice(string Value, string Label);

    public const string LanguageField = "Language";
    public const string SectorsField = "Sectors";
    public const string CountriesField = "Countries";

    public static IReadOnlyList<Choice> Languages =>
        [.. Localisation.Languages.Supported.Select(l => new Choice(l.Culture.Name, l.OwnName))];

    public async Task<IReadOnlyList<Choice>> SectorsAsync(CancellationToken cancellationToken)
    {
        var terms = await db.VocabularyTerms.AsNoTracking()
            .Where(t => t.Vocabulary == Vocabulary.SectoralIndustries && t.Status == TermStatus.Active)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Label)
            .ToListAsync(cancellationToken);
        var choices = terms.Select(t => new Choice(TextFolding.Slug(t.Label), labels.Term(t))).DistinctBy(o => o.Value);
        // In the reader's alphabet (the shipped order is the English names').
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? [.. choices]
            : [.. choices.OrderBy(o => o.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];
    }

    public IReadOnlyList<Choice> Countries =>
        [.. countries.All.Select(c => new Choice(c.Code, countries.LocalisedName(c.Code)))
            .OrderBy(o => o.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];

    /// <summary>The choices as stored, or the errors by field (in the visitor's language).</summary>
    public async Task<(string Language, List<string> Sectors, List<string> Countries, Dictionary<string, string> Errors)> CheckAsync(
        string? language, IEnumerable<string>? sectors, IEnumerable<string>? countryCodes, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var chosenLanguage = Languages.FirstOrDefault(l => string.Equals(l.Value, language, StringComparison.OrdinalIgnoreCase))?.Value;
        if (chosenLanguage is null)
        {
            errors[LanguageField] = T["Choose the language of your e-mails: English, Srpski or Deutsch."];
        }
        var knownSectors = (await SectorsAsync(cancellationToken)).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var chosenSectors = (sectors ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (chosenSectors.FirstOrDefault(s => !knownSectors.Contains(s)) is { } unknownSector)
        {
            errors[SectorsField] = T["Sectors: “{0}” is not one of the sectors listed.", unknownSector];
        }
        var chosenCountries = (countryCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (chosenCountries.FirstOrDefault(c => countries.ByCode(c) is null) is { } unknownCountry)
        {
            errors[CountriesField] = T["Countries: “{0}” is not one of the countries listed.", unknownCountry];
        }
        if (chosenSectors.Count > NewsletterSubscription.MaxChoices || chosenCountries.Count > NewsletterSubscription.MaxChoices)
        {
            errors[chosenSectors.Count > NewsletterSubscription.MaxChoices ? SectorsField : CountriesField] =
                T["Choose at most {0} sectors and {0} countries (none means all).", NewsletterSubscription.MaxChoices];
        }
        return (chosenLanguage ?? Localisation.Languages.Default, chosenSectors, chosenCountries, errors);
    }
}

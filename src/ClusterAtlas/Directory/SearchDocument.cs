using System.Text;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// What full-text search sees of a profile: its names, and a body of everything else people search for
/// (description, strategy, services and their details, programmes, success stories, vocabulary labels, places).
/// Country and term names are there in every language of the interface, so "Srbija" or "Metallbearbeitungstechnik"
/// find what "Serbia" or "Metalworking Technology" find. Text is folded (case, accents, đ) before the engines see it,
/// so both engines fold the same way.
/// </summary>
public sealed record SearchDocument(int ProfileId, string Names, string Body, string OriginalText)
{
    public static SearchDocument For(ClusterOrganisation p, CountryList countries, TermTranslations translations)
    {
        var names = string.Join(" ", new[] { p.Name, p.Acronym, p.LocalName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var original = new StringBuilder();
        void Add(string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                original.Append(text.Trim()).Append('\n');
            }
        }
        Add(p.ShortDescription);
        Add(p.StrategyMarkdown);
        Add(p.SupportServicesMarkdown);
        Add(p.OtherSpecialisationAreas);
        foreach (var programme in p.SupportProgrammes)
        {
            Add(programme.Name);
            Add(programme.Description);
        }
        foreach (var story in p.SuccessStories)
        {
            Add(story.Title);
            Add(story.Text);
        }
        var labels = new StringBuilder();
        // Proposed terms are not public; a term's other spellings (its old names) find it too.
        foreach (var term in p.Terms.Where(t => t.Term is not null && t.Term.Status != TermStatus.Proposed))
        {
            labels.Append(term.Term.Label).Append('\n');
            foreach (var translation in translations.TranslationsOf(term.Term.Vocabulary, term.Term.Label))
            {
                labels.Append(translation).Append('\n');
            }
            foreach (var alias in term.Term.Aliases)
            {
                labels.Append(alias).Append('\n');
            }
        }
        labels.Append(p.RegionName).Append('\n').Append(p.City).Append('\n').Append(countries.NameOf(p.CountryCode)).Append('\n');
        foreach (var translation in countries.TranslationsOf(p.CountryCode))
        {
            labels.Append(translation).Append('\n');
        }
        foreach (var network in p.NetworkMemberships)
        {
            labels.Append(network).Append('\n');
        }
        var originalText = original.ToString();
        return new SearchDocument(p.Id, Fold(names), Fold(originalText + labels), originalText);
    }

    public static string Fold(string text) => TextFolding.RemoveDiacritics(text).ToLowerInvariant();
}

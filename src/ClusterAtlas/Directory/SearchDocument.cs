using System.Text;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
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
    /// <summary>
    /// Built from the profile schema's search roles (<see cref="SearchRole"/>): names, the texts people write (also
    /// in repeated groups' rows), and labels (terms, places, networks), which are searched in every language.
    /// </summary>
    public static SearchDocument For(ClusterOrganisation p, CountryList countries, TermTranslations translations)
    {
        var names = new List<string>();
        var original = new StringBuilder();
        var labels = new StringBuilder();
        void Add(string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                original.Append(text.Trim()).Append('\n');
            }
        }
        void Label(string? text) => labels.Append(text).Append('\n');
        foreach (var field in ProfileSchema.Fields)
        {
            switch (field.Search, field.Kind)
            {
                case (SearchRole.Name, _) when field.EntityValue(p) is string name && !string.IsNullOrWhiteSpace(name):
                    names.Add(name);
                    break;
                case (_, FieldKind.Group):
                    // The rows' own fields say what is searched (a programme's name and description, a story's title and text).
                    foreach (var row in (IEnumerable<object>)field.EntityValue(p)!)
                    {
                        foreach (var rowField in field.Group!.Fields.Where(f => f.Search == SearchRole.Text))
                        {
                            Add(rowField.EntityValue(row) as string);
                        }
                    }
                    break;
                case (SearchRole.Text, _):
                    Add(field.EntityValue(p) as string);
                    break;
                case (SearchRole.Term, FieldKind.Terms):
                    // Proposed terms are not public; a term's other spellings (its old names) find it too.
                    foreach (var term in p.TermsOf(field.TermField!.Value).Select(t => t.Term).Where(t => t is not null && t.Status != TermStatus.Proposed))
                    {
                        Label(term.Label);
                        foreach (var text in translations.TranslationsOf(term.Vocabulary, term.Label).Concat(term.Aliases))
                        {
                            Label(text);
                        }
                    }
                    break;
                case (SearchRole.Term, FieldKind.Country):
                    var code = field.EntityValue(p) as string;
                    Label(countries.NameOf(code));
                    foreach (var translation in countries.TranslationsOf(code))
                    {
                        Label(translation);
                    }
                    break;
                case (SearchRole.Term, _):
                    foreach (var text in field.EntityValue(p) is IEnumerable<string> lines ? lines : [field.EntityValue(p) as string ?? ""])
                    {
                        Label(text);
                    }
                    break;
            }
        }
        var originalText = original.ToString();
        return new SearchDocument(p.Id, Fold(string.Join(" ", names)), Fold(originalText + labels), originalText);
    }

    public static string Fold(string text) => TextFolding.RemoveDiacritics(CyrillicToLatin.Convert(text)).ToLowerInvariant();
}

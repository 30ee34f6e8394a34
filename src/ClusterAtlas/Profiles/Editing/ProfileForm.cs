using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterAtlas.ImportExport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Everything a profile's administrators can change, as the edit form holds it: plain values, lists as rows,
/// free lists as one entry per line, vocabulary terms as ids. The same shape is stored in every revision
/// (before and after), so diffs and reverts work on what people typed, field by field.
/// </summary>
public sealed class ProfileForm : IJsonOnDeserialized
{
    /// <summary>
    /// The plain fields (text, Markdown, dates, numbers, yes/no, choices, countries, languages, lists typed one per line),
    /// keyed by their name in <see cref="ProfileSchema"/>, as what the entity stores or people typed: a field added to the
    /// schema is in the form without a change here. Bound from "Form.{Name}" as a property would be (<see cref="PlainFieldsBinder"/>),
    /// stored in revisions as properties of their own (the JSON is the same as when they were properties).
    /// </summary>
    [JsonExtensionData]
    [ModelBinder(typeof(PlainFieldsBinder), Name = "")]
    [ValidateNever]
    public Dictionary<string, object> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A plain field's value (null when not given); setting null removes it.</summary>
    public object? this[string name]
    {
        get => Values.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                Values.Remove(name);
            }
            else
            {
                Values[name] = value;
            }
        }
    }

    /// <summary>A plain text field's value.</summary>
    public string? Text(string name) => this[name] as string;

    /// <summary>A plain field holding a number, a date, yes/no or a choice.</summary>
    public T? Value<T>(string name) where T : struct => this[name] is T value ? value : null;

    public List<TeamMemberRow> ManagementTeam { get; set; } = [];

    // Vocabulary terms, by the profile field (and so the vocabulary) they fill
    public List<int> SectoralIndustries { get; set; } = [];
    public List<int> EmergingIndustries { get; set; } = [];
    public List<int> TechnologyFields { get; set; } = [];
    public List<int> S3PriorityAreas { get; set; } = [];
    public List<int> SupportServices { get; set; } = [];
    public List<int> InternationalActivities { get; set; } = [];
    public List<int> EuropeanActivities { get; set; } = [];

    // Repeated groups
    public List<FacilityRow> SupportFacilities { get; set; } = [];
    public List<MajorPlayerRow> MajorPlayers { get; set; } = [];
    public List<PartnerRow> CollaboratingClusters { get; set; } = [];
    public List<ProgrammeRow> SupportProgrammes { get; set; } = [];
    public List<StoryRow> SuccessStories { get; set; } = [];

    /// <summary>Read back from a revision, each plain value gets its field's type again; values of fields no longer in the schema are dropped.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        foreach (var (name, value) in Values.ToList())
        {
            this[name] = ProfileSchema.Find(name) is { IsPlain: true } field && value is JsonElement json
                ? json.Deserialize(field.PlainType, JsonOptions)
                : null;
        }
    }

    /// <summary>The vocabulary field each term list fills (from the schema).</summary>
    public static readonly IReadOnlyList<(ProfileField Field, string Property)> TermLists =
        [.. ProfileSchema.Fields.Where(f => f.Kind == FieldKind.Terms).Select(f => (f.TermField!.Value, f.Name))];

    public List<int> TermIds(ProfileField field) =>
        (List<int>)ProfileSchema.Field(TermLists.First(t => t.Field == field).Property).FormValue(this)!;

    /// <summary>The form as a stored profile fills it (the profile's children and terms loaded): every field of the schema.</summary>
    public static ProfileForm From(ClusterOrganisation p, CountryList countries)
    {
        var form = new ProfileForm();
        foreach (var field in ProfileSchema.Fields)
        {
            field.SetFormValue(form, field.Kind switch
            {
                FieldKind.Terms => Terms(p, field.TermField!.Value),
                FieldKind.Lines => Lines((List<string>)field.EntityValue(p)!),
                FieldKind.Languages => ((List<string>)field.EntityValue(p)!) is { Count: > 0 } codes ? string.Join(", ", codes.Select(LanguageCodes.EnglishName)) : null,
                FieldKind.Countries => Lines(((List<string>)field.EntityValue(p)!).Select(countries.NameOf)),
                FieldKind.Group => RowsOf(field, p),
                _ => field.EntityValue(p),
            });
        }
        // A point found from the address is the map's, not the editors': the form holds only coordinates typed by
        // hand, so it stays empty (and the address decides) until someone types them (see Map/ProfileLocator).
        if (p.LocationPrecision is not null and not LocationPrecision.Exact)
        {
            (form[nameof(ClusterOrganisation.Latitude)], form[nameof(ClusterOrganisation.Longitude)]) = (null, null);
        }
        return form;
    }

    /// <summary>
    /// Writes the form into the profile (its children and terms loaded and tracked). Call only with a form that
    /// <see cref="ProfileFormValidator"/> accepted: countries and languages it could not read are left out here.
    /// </summary>
    public void ApplyTo(ClusterOrganisation p, CountryList countries)
    {
        var content = new ClusterOrganisation { Slug = p.Slug, Name = p.Name };
        foreach (var field in ProfileSchema.Fields.Where(f => f.EntityProperty is not null))
        {
            var value = field.FormValue(this);
            field.SetEntityValue(content, field.Kind switch
            {
                FieldKind.Lines => SplitLines((string?)value),
                FieldKind.Languages => (object)SplitList((string?)value).Select(LanguageCodes.Find).OfType<string>().Distinct().ToList(),
                FieldKind.Countries => CountryCodes((string?)value, countries),
                FieldKind.Group => EntitiesOf(field, (System.Collections.IEnumerable)value!),
                _ => value is string text ? Clean(text) : value,
            });
        }
        // A profile always has a name; left empty, a local name is taken to be in the country's main language.
        content.Name = Clean(Text(nameof(ClusterOrganisation.Name))) ?? p.Name;
        // A known NUTS code names its region when the editor left the region empty.
        content.RegionName ??= content.NutsCode is { } nuts ? Map.Gazetteer.Shipped.NutsRegionName(nuts) : null;
        content.LocalLanguage = Clean(Text(nameof(ClusterOrganisation.LocalLanguage)))?.ToLowerInvariant()
            ?? (Clean(Text(nameof(ClusterOrganisation.LocalName))) is null ? null : countries.MainLanguageOf(Clean(Text(nameof(ClusterOrganisation.CountryCode)))));
        p.ReplaceContentWith(content);
        p.LogoSha256 = Clean(Text(Logo));

        foreach (var (field, _) in TermLists)
        {
            var wanted = TermIds(field).Distinct().ToList();
            p.Terms.RemoveAll(t => t.Field == field && !wanted.Contains(t.VocabularyTermId));
            for (var i = 0; i < wanted.Count; i++)
            {
                var existing = p.Terms.FirstOrDefault(t => t.Field == field && t.VocabularyTermId == wanted[i]);
                if (existing is null)
                {
                    p.Terms.Add(new ProfileTerm { ClusterOrganisationId = p.Id, Field = field, VocabularyTermId = wanted[i], SortOrder = i });
                }
                else
                {
                    existing.SortOrder = i;
                }
            }
        }
    }

    /// <summary>A group's stored rows as the form's rows (same-named properties), in their order.</summary>
    private static object RowsOf(ProfileSchemaField field, ClusterOrganisation p)
    {
        var group = field.Group!;
        var rows = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(group.RowType))!;
        foreach (var entity in ((System.Collections.IEnumerable)field.EntityValue(p)!).Cast<object>().OrderBy(e => (int)ProfileSchemaField.Property(e.GetType(), "SortOrder").GetValue(e)!))
        {
            var row = Activator.CreateInstance(group.RowType)!;
            foreach (var rowField in group.Fields)
            {
                rowField.SetFormValue(row, rowField.EntityValue(entity));
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The filled rows of a group as new child rows of the profile, numbered in order, text trimmed.</summary>
    private static object EntitiesOf(ProfileSchemaField field, System.Collections.IEnumerable rows)
    {
        var group = field.Group!;
        var entities = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(group.EntityType))!;
        foreach (var row in rows.Cast<IFormRow>().Where(r => !r.IsEmpty))
        {
            var entity = Activator.CreateInstance(group.EntityType)!;
            ProfileSchemaField.Property(group.EntityType, "SortOrder").SetValue(entity, entities.Count);
            foreach (var rowField in group.Fields)
            {
                var value = rowField.FormValue(row);
                rowField.SetEntityValue(entity, value is string text ? Clean(text) : value);
            }
            entities.Add(entity);
        }
        return entities;
    }

    /// <summary>Drops the empty rows the form offers for adding, and trims what people typed, so that two forms compare by content.</summary>
    public ProfileForm Normalised()
    {
        var copy = FromJson(ToJson());
        foreach (var field in ProfileSchema.Fields.Where(f => f.Kind == FieldKind.Group))
        {
            var rows = (System.Collections.IList)field.FormValue(copy)!;
            var filled = rows.Cast<IFormRow>().Where(r => !r.IsEmpty).Select(r => r.Trimmed()).ToList();
            rows.Clear();
            foreach (var row in filled)
            {
                rows.Add(row);
            }
        }
        // Chosen terms are a set: the form lists them in the vocabulary's order, an import in the page's order.
        foreach (var (field, _) in TermLists)
        {
            var ids = copy.TermIds(field).Distinct().Order().ToList();
            copy.TermIds(field).Clear();
            copy.TermIds(field).AddRange(ids);
        }
        return copy;
    }

    /// <summary>
    /// Names the countries and languages of the list fields in the reader's language (for the form shown), or in English
    /// (for a form posted, as revisions and their comparisons keep them): the form reads a name in any of the platform's
    /// languages, so a German editor sees and may type "Deutschland, Österreich". An entry no list knows stays as typed,
    /// for the validator to point at.
    /// </summary>
    public void NameCountriesAndLanguages(CountryList countries, bool forReader)
    {
        foreach (var field in ProfileSchema.Fields.Where(f => f.Kind is FieldKind.Countries or FieldKind.Languages))
        {
            if (field.FormValue(this) is not string text)
            {
                continue;
            }
            var entries = SplitList(text).Select(entry => field.Kind == FieldKind.Countries
                ? countries.Find(entry) is { } country ? (forReader ? countries.LocalisedName(country.Code) : country.Name) : entry
                : LanguageCodes.Find(entry) is { } code ? (forReader ? LanguageCodes.NameToType(code) : LanguageCodes.EnglishName(code)) : entry).ToList();
            field.SetFormValue(this, field.Kind == FieldKind.Countries ? Lines(entries) : entries.Count > 0 ? string.Join(", ", entries) : null);
        }
    }

    /// <summary>Copies the named fields of the schema (see <see cref="ProfileFormLabels"/>) from one form to another.</summary>
    public static void CopyProperties(ProfileForm source, ProfileForm target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var field = ProfileSchema.Find(name) ?? throw new ArgumentException($"The profile form has no field {name}.", nameof(names));
            field.SetFormValue(target, field.FormValue(source));
        }
    }

    /// <summary>The key of the logo's field (the hash of the logo shown; uploaded on its own page, not by a step of the form).</summary>
    public const string Logo = "Logo";

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ProfileForm FromJson(string json) => JsonSerializer.Deserialize<ProfileForm>(json, JsonOptions) ?? new ProfileForm();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private static List<int> Terms(ClusterOrganisation p, ProfileField field) => [.. p.TermsOf(field).Select(t => t.VocabularyTermId)];

    private static string? Lines(IEnumerable<string> items) => items.Any() ? string.Join("\n", items) : null;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    public static List<string> SplitLines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()];

    /// <summary>Entries one per line or separated by commas or semicolons.</summary>
    public static List<string> SplitList(string? text) =>
        [.. (text ?? "").Split(['\n', ',', ';']).Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static List<string> CountryCodes(string? text, CountryList countries) =>
        [.. SplitList(text).Select(countries.Find).OfType<Country>().Select(c => c.Code).Distinct()];

}

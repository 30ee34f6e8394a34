using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Everything a profile's administrators can change, as the edit form holds it: plain values, lists as rows,
/// free lists as one entry per line, vocabulary terms as ids. The same shape is stored in every revision
/// (before and after), so diffs and reverts work on what people typed, field by field.
/// </summary>
public sealed class ProfileForm
{
    // Identity and contact
    public string? Name { get; set; }
    public string? LocalName { get; set; }
    /// <summary>ISO 639-1 code of the local name's language; empty means the country's main language.</summary>
    public string? LocalLanguage { get; set; }
    public string? Acronym { get; set; }
    public string? ShortDescription { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
    public string? RegionName { get; set; }
    public string? NutsCode { get; set; }
    /// <summary>Where the cluster organisation is, for the map (WGS 84 degrees).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The hash of the logo shown (uploaded on its own page, not by a step of the form).</summary>
    public string? Logo { get; set; }

    // General information
    public DateOnly? EstablishedOn { get; set; }
    public decimal? ManagementTeamFte { get; set; }
    /// <summary>The size of the management team as a band of people ("11-20"), as the ECCP's newer pages give it.</summary>
    public string? ManagementTeamBand { get; set; }
    public ExcellenceLabel? ExcellenceLabel { get; set; }
    public DateOnly? ExcellenceLabelValidUntil { get; set; }
    public string? OtherLabels { get; set; }
    /// <summary>One network per line.</summary>
    public string? NetworkMemberships { get; set; }
    /// <summary>Language names or ISO 639-1 codes, one per line or separated by commas.</summary>
    public string? Languages { get; set; }
    public List<TeamMemberRow> ManagementTeam { get; set; } = [];

    // Sectoral and industrial focus
    public List<int> SectoralIndustries { get; set; } = [];
    public List<int> EmergingIndustries { get; set; } = [];
    public List<int> TechnologyFields { get; set; } = [];
    public List<int> S3PriorityAreas { get; set; } = [];
    public string? OtherSpecialisationAreas { get; set; }

    // Composition
    public int? TotalMembers { get; set; }
    public int? SmeMembers { get; set; }
    public int? StartupMembers { get; set; }
    public int? LargeCompanyMembers { get; set; }
    public int? ResearchOrganisationMembers { get; set; }
    public int? OtherEcosystemActors { get; set; }
    public List<FacilityRow> SupportFacilities { get; set; } = [];
    public List<MajorPlayerRow> MajorPlayers { get; set; } = [];

    // Strategy and services
    public string? StrategyMarkdown { get; set; }
    public bool? HasFormalisedStrategy { get; set; }
    public bool? HasInternationalisationFocus { get; set; }
    public List<int> SupportServices { get; set; } = [];
    public string? SupportServicesMarkdown { get; set; }

    // Cooperation
    public List<int> InternationalActivities { get; set; } = [];
    /// <summary>Country names, one per line.</summary>
    public string? CountriesOutsideEurope { get; set; }
    public List<int> EuropeanActivities { get; set; } = [];
    public string? CountriesInEurope { get; set; }
    public List<PartnerRow> CollaboratingClusters { get; set; } = [];

    // Programmes and stories
    public List<ProgrammeRow> SupportProgrammes { get; set; } = [];
    public List<StoryRow> SuccessStories { get; set; } = [];

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
            (form.Latitude, form.Longitude) = (null, null);
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
        content.Name = Clean(Name) ?? p.Name;
        content.LocalLanguage = Clean(LocalLanguage)?.ToLowerInvariant() ?? (Clean(LocalName) is null ? null : countries.MainLanguageOf(Clean(CountryCode)));
        p.ReplaceContentWith(content);
        p.LogoSha256 = Clean(Logo);

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

    /// <summary>Copies the named properties (see <see cref="ProfileFormLabels"/>) from one form to another.</summary>
    public static void CopyProperties(ProfileForm source, ProfileForm target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var property = typeof(ProfileForm).GetProperty(name) ?? throw new ArgumentException($"The profile form has no field {name}.", nameof(names));
            property.SetValue(target, property.GetValue(source));
        }
    }

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

using System.Collections;
using System.Reflection;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>
/// The profile schema is complete: every property of the profile that is content is declared in it, and every field it
/// declares goes through the form, the profile, the diff, the page and the importer without loss. Forgetting a field
/// fails here with a message that says what to add.
/// </summary>
public sealed class ProfileSchemaTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    /// <summary>What a profile has that is not its content: identity, workflow, who administers it, its terms (declared by field).</summary>
    private static readonly HashSet<string> NotContent =
    [
        nameof(ClusterOrganisation.Id), nameof(ClusterOrganisation.Slug), nameof(ClusterOrganisation.Terms),
        nameof(ClusterOrganisation.Status), nameof(ClusterOrganisation.IsSampleData), nameof(ClusterOrganisation.Source),
        nameof(ClusterOrganisation.CreatedAt), nameof(ClusterOrganisation.UpdatedAt), nameof(ClusterOrganisation.PublishedAt),
        nameof(ClusterOrganisation.SubmittedAt), nameof(ClusterOrganisation.RejectionReason), nameof(ClusterOrganisation.CriteriaWaived),
        nameof(ClusterOrganisation.ConcurrencyToken), nameof(ClusterOrganisation.Administrators),
        // How the map's point was found: derived from the address or from typed coordinates, never typed itself.
        nameof(ClusterOrganisation.LocationPrecision),
        // A setting of how the profile is reached (Contact/), not what it says.
        nameof(ClusterOrganisation.RelyOnContactRequests),
    ];

    /// <summary>What a row of a repeated group has that is not content.</summary>
    private static readonly HashSet<string> NotRowContent = ["Id", "SortOrder", "ClusterOrganisationId"];

    /// <summary>Fields the public page shows other than as their text (the map, the logo, the language of the name, a choice in words).</summary>
    private static readonly HashSet<FieldKind> NotShownAsTyped =
        [FieldKind.Coordinate, FieldKind.Logo, FieldKind.Language, FieldKind.Choice, FieldKind.Date, FieldKind.Number, FieldKind.YesNo, FieldKind.Count, FieldKind.Terms, FieldKind.Country, FieldKind.Countries, FieldKind.Languages, FieldKind.Url];

    [Fact]
    public void Every_property_of_the_profile_that_is_content_is_in_the_schema()
    {
        var declared = ProfileSchema.Fields.Select(f => f.EntityProperty).OfType<string>().ToHashSet();
        var missing = ContentProperties(typeof(ClusterOrganisation), NotContent).Where(p => !declared.Contains(p)).ToList();
        Assert.True(missing.Count == 0,
            $"ClusterOrganisation.{string.Join(", ClusterOrganisation.", missing)} is not in the profile schema: add a field for it to ProfileSchema.Sections "
            + "(its kind, label, length limit, ECCP labels, search role), or, if it is not profile content, to NotContent in this test.");
        foreach (var field in ProfileSchema.Fields.Where(f => f.Group is not null))
        {
            var rowDeclared = field.Group!.Fields.Select(f => f.EntityProperty).ToHashSet();
            var rowMissing = ContentProperties(field.Group.EntityType, NotRowContent).Where(p => !rowDeclared.Contains(p)).ToList();
            Assert.True(rowMissing.Count == 0,
                $"{field.Group.EntityType.Name}.{string.Join(", ", rowMissing)} is not in the profile schema: add it to the fields of the {field.Name} group in ProfileSchema.Sections.");
        }
        var termFields = ProfileSchema.Fields.Where(f => f.Kind == FieldKind.Terms).Select(f => f.TermField!.Value).ToHashSet();
        var missingTerms = Enum.GetValues<ProfileField>().Where(f => !termFields.Contains(f)).ToList();
        Assert.True(missingTerms.Count == 0, $"The vocabulary field {string.Join(", ", missingTerms)} has no term-set field in the profile schema: add one to ProfileSchema.Sections.");
    }

    [Fact]
    public void Every_field_of_the_form_is_in_the_schema_and_every_field_of_the_schema_in_the_form_and_the_profile()
    {
        // The plain fields are in ProfileForm.Values, keyed by the schema; the lists (term sets, repeated groups) are properties.
        var formProperties = typeof(ProfileForm).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(ProfileForm.Values)).Select(p => p.Name).ToList();
        var undeclared = formProperties.Where(p => ProfileSchema.Find(p) is null).ToList();
        Assert.True(undeclared.Count == 0, $"ProfileForm.{string.Join(", ProfileForm.", undeclared)} is not in the profile schema: add a field for it to ProfileSchema.Sections.");
        foreach (var field in ProfileSchema.Fields)
        {
            Assert.True(field.IsPlain || typeof(ProfileForm).GetProperty(field.Name) is not null, $"The schema's field {field.Name} (a list) is not a property of ProfileForm: add it there.");
            Assert.True(!field.IsPlain || typeof(ProfileForm).GetProperty(field.Name) is null, $"The schema's plain field {field.Name} is held in ProfileForm.Values: remove the property ProfileForm.{field.Name}.");
            Assert.True(field.EntityProperty is null || typeof(ClusterOrganisation).GetProperty(field.EntityProperty) is not null,
                $"The schema's field {field.Name} is stored in ClusterOrganisation.{field.EntityProperty}, which does not exist: add the property (and its migration).");
            foreach (var rowField in field.Group?.Fields ?? [])
            {
                Assert.True(field.Group!.RowType.GetProperty(rowField.Name) is not null, $"{field.Group.RowType.Name} has no property {rowField.Name}: add it.");
                Assert.True(field.Group.EntityType.GetProperty(rowField.EntityProperty!) is not null, $"{field.Group.EntityType.Name} has no property {rowField.EntityProperty}: add it.");
            }
            var rowProperties = field.Group?.RowType.GetProperties().Where(p => p.Name != nameof(IFormRow.IsEmpty)).Select(p => p.Name)
                .Where(p => field.Group.Fields.All(f => f.Name != p)).ToList() ?? [];
            Assert.True(rowProperties.Count == 0, $"{field.Group?.RowType.Name}.{string.Join(", ", rowProperties)} is not in the profile schema: add it to the fields of the {field.Name} group.");
        }
    }

    [Fact]
    public void Every_field_goes_from_the_form_to_the_profile_and_back_and_shows_in_the_diff_and_on_the_page()
    {
        var countries = app.Services.GetRequiredService<CountryList>();
        var T = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var form = SampleForm();
        var profile = new ClusterOrganisation { Slug = "schema-sample", Name = "" };
        form.ApplyTo(profile, countries);
        var back = ProfileForm.From(profile, countries).Normalised();
        foreach (var field in ProfileSchema.Fields)
        {
            Assert.True(Json(field.FormValue(form.Normalised())) == Json(field.FormValue(back)),
                $"{field.Name} is lost between the form and the profile: expected {Json(field.FormValue(form))}, got {Json(field.FormValue(back))}. "
                + "Check its kind and its property on ClusterOrganisation in the profile schema.");
        }
        var terms = form.SectoralIndustries.Concat(ProfileForm.TermLists.SelectMany(t => form.TermIds(t.Field))).Distinct().ToDictionary(id => id, id => $"Term {id}");
        var changed = new ProfileDiff(terms, countries, T).Compare(new ProfileForm(), form).Select(c => c.Property).ToHashSet();
        var invisible = ProfileSchema.Fields.Where(f => !changed.Contains(f.Name)).Select(f => f.Name).ToList();
        Assert.True(invisible.Count == 0, $"{string.Join(", ", invisible)} changed but the diff does not show it: give the field a label and a kind the diff describes.");

        // Each field that makes a section worth showing does so alone.
        foreach (var field in ProfileSchema.Fields.Where(f => f.ShownAlone && ProfileSchema.PageSectionOf(f) != "identity"))
        {
            var single = new ClusterOrganisation { Slug = "one", Name = "One" };
            var only = new ProfileForm { [nameof(ClusterOrganisation.Name)] = "One" };
            field.SetFormValue(only, field.FormValue(form));
            only.ApplyTo(single, countries);
            var section = ProfileSection.All.Single(s => s.Id == ProfileSchema.PageSectionOf(field));
            Assert.True(section.HasContent(single), $"A profile with only {field.Name} does not show the section {section.Id}: check the field's PageSection in the profile schema.");
        }
    }

    [Fact]
    public async Task Every_field_with_text_is_shown_on_the_public_page()
    {
        var countries = app.Services.GetRequiredService<CountryList>();
        var form = SampleForm();
        form.SectoralIndustries = [];
        foreach (var (field, _) in ProfileForm.TermLists)
        {
            form.TermIds(field).Clear();
        }
        var slug = await app.WithDbAsync(async db =>
        {
            var profile = new ClusterOrganisation { Slug = "schema-page-sample", Name = "", Status = ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow };
            form.ApplyTo(profile, countries);
            profile.LogoSha256 = null;
            db.ClusterOrganisations.Add(profile);
            await db.SaveChangesAsync();
            return profile.Slug;
        });
        // Phone numbers are shown with non-breaking spaces.
        var page = (await app.GetDocumentAsync($"/cluster-organisations/{slug}")).Body!.TextContent.Replace('\u00A0', ' ');
        foreach (var field in ProfileSchema.Fields.Where(f => !NotShownAsTyped.Contains(f.Kind)))
        {
            if (field.Group is { } group)
            {
                foreach (var rowField in group.Fields.Where(f => !NotShownAsTyped.Contains(f.Kind) && f.Privacy == ContactPrivacy.None))
                {
                    var text = (string)rowField.FormValue(((IList)field.FormValue(form)!)[0]!)!;
                    Assert.True(page.Contains(text, StringComparison.Ordinal), $"{field.Name}.{rowField.Name} (“{text}”) is not shown on the profile page: show it in {SectionPartial(field)}.");
                }
                continue;
            }
            var value = ((string)field.FormValue(form)!).Split('\n')[0];
            Assert.True(page.Contains(value, StringComparison.Ordinal), $"{field.Name} (“{value}”) is not shown on the profile page: show it in {SectionPartial(field)}.");
        }
    }

    [Fact]
    public void Every_field_of_an_ECCP_page_is_imported()
    {
        var parser = new EccpProfilePageParser(app.Services.GetRequiredService<CountryList>());
        foreach (var field in ProfileSchema.Fields)
        {
            Assert.True(field.NotOnEccpPages == (field.Eccp is null),
                field.NotOnEccpPages
                    ? $"{field.Name} is marked NotOnEccpPages but has ECCP labels: drop one of them from its schema entry."
                    : $"{field.Name} has no ECCP labels: give its schema entry Eccp (the labels the ECCP prints), or mark it NotOnEccpPages = true if ECCP pages do not have it.");
            if (field.NotOnEccpPages)
            {
                continue;
            }
            var page = $"Home > Cluster Organisations > Schema Sample\n\n{field.Eccp!.Keys[0]}:\n{EccpSample(field)}\n\nsectoralindustries:\nAutomotive\n";
            var parsed = parser.Parse(page, "sample.txt");
            var imported = field.Kind == FieldKind.Terms
                ? parsed.Terms.Any(t => t.Field == field.TermField)
                : ProfileSchemaField.HasValue(field.EntityValue(parsed.Profile));
            Assert.True(imported, $"{field.Name} under its ECCP label “{field.Eccp.Keys[0]}:” was not imported: give it a rule in the importer for its kind ({field.Kind}). Report: "
                + string.Join("; ", parsed.Report.Entries.Select(e => $"{e.Outcome} {e.Field} {e.Value}")));
        }
    }

    private static string SectionPartial(ProfileSchemaField field) => $"the “{ProfileSchema.PageSectionOf(field)}” section of /Profiles/Sections/_ProfileContent.cshtml";

    private static IEnumerable<string> ContentProperties(Type type, HashSet<string> notContent) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !notContent.Contains(p.Name)).Select(p => p.Name);

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>A form with every field filled, each with a value its kind takes.</summary>
    private static ProfileForm SampleForm()
    {
        var form = new ProfileForm();
        var termId = 1;
        foreach (var field in ProfileSchema.Fields)
        {
            if (field.Kind == FieldKind.Terms)
            {
                form.TermIds(field.TermField!.Value).Add(termId++);
                continue;
            }
            if (field.Group is { } group)
            {
                var row = Activator.CreateInstance(group.RowType)!;
                foreach (var rowField in group.Fields)
                {
                    rowField.SetFormValue(row, Sample(rowField, group.RowType.GetProperty(rowField.Name)!.PropertyType, $"{field.Name} {rowField.Name}"));
                }
                var rows = (IList)field.FormValue(form)!;
                rows.Add(row);
                continue;
            }
            field.SetFormValue(form, Sample(field, field.PlainType, field.Name));
        }
        return form;
    }

    private static object? Sample(ProfileSchemaField field, Type type, string name) => field.Kind switch
    {
        FieldKind.Url => $"https://example.org/{name.ToLowerInvariant().Replace(' ', '-')}",
        FieldKind.Email => "someone@example.org",
        FieldKind.Phone => "+381 21 123 4567",
        FieldKind.Date => new DateOnly(2011, 10, 21),
        FieldKind.YesNo => true,
        FieldKind.Count => 45,
        FieldKind.Number => 2.5m,
        FieldKind.Coordinate => 45.25,
        FieldKind.Choice => Enum.GetValues(Nullable.GetUnderlyingType(type) ?? type).GetValue(1),
        FieldKind.Language => "sr",
        FieldKind.Country => "RS",
        FieldKind.Countries => "Germany\nAustria",
        FieldKind.Languages => "English, German",
        FieldKind.Lines => $"Sample {name} one\nSample {name} two",
        FieldKind.Logo => "0123456789abcdef",
        _ when field.Name == nameof(ClusterOrganisation.NutsCode) => "RS12",
        _ => $"Sample {name}"[..Math.Min(field.MaxLength ?? 100, $"Sample {name}".Length)],
    };

    /// <summary>A line an ECCP page would show for the field.</summary>
    private static string EccpSample(ProfileSchemaField field) => field.Eccp!.Rule switch
    {
        EccpRule.ManagementStaff => "2.5",
        EccpRule.ExcellenceLabel => "Gold Label",
        EccpRule.ManagementTeam => "Ana Petrović",
        EccpRule.SupportFacilities => "Novi Sad Business Incubator",
        EccpRule.MajorPlayers => "Metal Works Ltd",
        EccpRule.CollaboratingClusters => "Automotive Cluster Austria, Austria",
        EccpRule.SupportProgrammes => "1. Programme for clusters, funded by the Province",
        EccpRule.SuccessStories => "1. A story - what happened",
        _ => field.Kind switch
        {
            FieldKind.Url => "https://example.org",
            FieldKind.Email => "someone@example.org",
            FieldKind.Phone => "+381 21 123 4567",
            FieldKind.Date => "2011-10-21",
            FieldKind.YesNo => "Yes",
            FieldKind.Count => "45",
            FieldKind.Country => "Serbia",
            FieldKind.Countries => "Germany",
            FieldKind.Languages => "English",
            FieldKind.Terms => "Automotive",
            _ => "Sample text",
        },
    };
}

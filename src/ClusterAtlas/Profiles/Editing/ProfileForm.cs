using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterAtlas.ImportExport;
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

    /// <summary>The vocabulary field each term list fills.</summary>
    public static readonly IReadOnlyList<(ProfileField Field, string Property)> TermLists =
    [
        (ProfileField.SectoralIndustry, nameof(SectoralIndustries)),
        (ProfileField.EmergingIndustry, nameof(EmergingIndustries)),
        (ProfileField.TechnologyField, nameof(TechnologyFields)),
        (ProfileField.S3PriorityArea, nameof(S3PriorityAreas)),
        (ProfileField.SupportService, nameof(SupportServices)),
        (ProfileField.InternationalActivity, nameof(InternationalActivities)),
        (ProfileField.EuropeanActivity, nameof(EuropeanActivities)),
    ];

    public List<int> TermIds(ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => SectoralIndustries,
        ProfileField.EmergingIndustry => EmergingIndustries,
        ProfileField.TechnologyField => TechnologyFields,
        ProfileField.S3PriorityArea => S3PriorityAreas,
        ProfileField.SupportService => SupportServices,
        ProfileField.InternationalActivity => InternationalActivities,
        ProfileField.EuropeanActivity => EuropeanActivities,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The form as a stored profile fills it (the profile's children and terms loaded).</summary>
    public static ProfileForm From(ClusterOrganisation p, CountryList countries) => new()
    {
        Name = p.Name,
        LocalName = p.LocalName,
        LocalLanguage = p.LocalLanguage,
        Acronym = p.Acronym,
        ShortDescription = p.ShortDescription,
        Website = p.Website,
        Email = p.Email,
        Phone = p.Phone,
        Street = p.Street,
        Postcode = p.Postcode,
        City = p.City,
        CountryCode = p.CountryCode,
        RegionName = p.RegionName,
        NutsCode = p.NutsCode,
        Latitude = p.Latitude,
        Longitude = p.Longitude,
        Logo = p.LogoSha256,
        EstablishedOn = p.EstablishedOn,
        ManagementTeamFte = p.ManagementTeamFte,
        ExcellenceLabel = p.ExcellenceLabel,
        ExcellenceLabelValidUntil = p.ExcellenceLabelValidUntil,
        OtherLabels = p.OtherLabels,
        NetworkMemberships = Lines(p.NetworkMemberships),
        Languages = p.Languages.Count == 0 ? null : string.Join(", ", p.Languages.Select(LanguageCodes.EnglishName)),
        ManagementTeam = [.. p.ManagementTeam.OrderBy(m => m.SortOrder).Select(m => new TeamMemberRow
            { Name = m.Name, Role = m.Role, Email = m.Email, Phone = m.Phone, ContactVisibility = m.ContactVisibility })],
        SectoralIndustries = Terms(p, ProfileField.SectoralIndustry),
        EmergingIndustries = Terms(p, ProfileField.EmergingIndustry),
        TechnologyFields = Terms(p, ProfileField.TechnologyField),
        S3PriorityAreas = Terms(p, ProfileField.S3PriorityArea),
        OtherSpecialisationAreas = p.OtherSpecialisationAreas,
        TotalMembers = p.TotalMembers,
        SmeMembers = p.SmeMembers,
        StartupMembers = p.StartupMembers,
        LargeCompanyMembers = p.LargeCompanyMembers,
        ResearchOrganisationMembers = p.ResearchOrganisationMembers,
        OtherEcosystemActors = p.OtherEcosystemActors,
        SupportFacilities = [.. p.SupportFacilities.OrderBy(f => f.SortOrder).Select(f => new FacilityRow { Name = f.Name, Type = f.Type, Website = f.Website })],
        MajorPlayers = [.. p.MajorPlayers.OrderBy(m => m.SortOrder).Select(m => new MajorPlayerRow { Name = m.Name, Type = m.Type, Link = m.Link })],
        StrategyMarkdown = p.StrategyMarkdown,
        HasFormalisedStrategy = p.HasFormalisedStrategy,
        HasInternationalisationFocus = p.HasInternationalisationFocus,
        SupportServices = Terms(p, ProfileField.SupportService),
        SupportServicesMarkdown = p.SupportServicesMarkdown,
        InternationalActivities = Terms(p, ProfileField.InternationalActivity),
        CountriesOutsideEurope = Lines(p.CountriesOutsideEurope.Select(countries.NameOf)),
        EuropeanActivities = Terms(p, ProfileField.EuropeanActivity),
        CountriesInEurope = Lines(p.CountriesInEurope.Select(countries.NameOf)),
        CollaboratingClusters = [.. p.CollaboratingClusters.OrderBy(c => c.SortOrder).Select(c => new PartnerRow { Name = c.Name, CountryCode = c.CountryCode })],
        SupportProgrammes = [.. p.SupportProgrammes.OrderBy(s => s.SortOrder).Select(s => new ProgrammeRow { Name = s.Name, Description = s.Description, Link = s.Link, Level = s.Level })],
        SuccessStories = [.. p.SuccessStories.OrderBy(s => s.SortOrder).Select(s => new StoryRow { Title = s.Title, Text = s.Text })],
    };

    /// <summary>
    /// Writes the form into the profile (its children and terms loaded and tracked). Call only with a form that
    /// <see cref="ProfileFormValidator"/> accepted: countries and languages it could not read are left out here.
    /// </summary>
    public void ApplyTo(ClusterOrganisation p, CountryList countries)
    {
        var content = new ClusterOrganisation
        {
            Slug = p.Slug,
            Name = Clean(Name) ?? p.Name,
            LocalName = Clean(LocalName),
            // Left empty, a local name is taken to be in the country's main language.
            LocalLanguage = Clean(LocalLanguage)?.ToLowerInvariant() ?? (Clean(LocalName) is null ? null : countries.MainLanguageOf(Clean(CountryCode))),
            Acronym = Clean(Acronym),
            ShortDescription = Clean(ShortDescription),
            Website = Clean(Website),
            Email = Clean(Email),
            Phone = Clean(Phone),
            Street = Clean(Street),
            Postcode = Clean(Postcode),
            City = Clean(City),
            CountryCode = Clean(CountryCode),
            RegionName = Clean(RegionName),
            NutsCode = Clean(NutsCode),
            Latitude = Latitude,
            Longitude = Longitude,
            EstablishedOn = EstablishedOn,
            ManagementTeamFte = ManagementTeamFte,
            ExcellenceLabel = ExcellenceLabel,
            ExcellenceLabelValidUntil = ExcellenceLabelValidUntil,
            OtherLabels = Clean(OtherLabels),
            NetworkMemberships = SplitLines(NetworkMemberships),
            Languages = [.. SplitList(Languages).Select(LanguageCodes.Find).OfType<string>().Distinct()],
            OtherSpecialisationAreas = Clean(OtherSpecialisationAreas),
            TotalMembers = TotalMembers,
            SmeMembers = SmeMembers,
            StartupMembers = StartupMembers,
            LargeCompanyMembers = LargeCompanyMembers,
            ResearchOrganisationMembers = ResearchOrganisationMembers,
            OtherEcosystemActors = OtherEcosystemActors,
            StrategyMarkdown = Clean(StrategyMarkdown),
            HasFormalisedStrategy = HasFormalisedStrategy,
            HasInternationalisationFocus = HasInternationalisationFocus,
            SupportServicesMarkdown = Clean(SupportServicesMarkdown),
            CountriesOutsideEurope = CountryCodes(CountriesOutsideEurope, countries),
            CountriesInEurope = CountryCodes(CountriesInEurope, countries),
            ManagementTeam = [.. Filled(ManagementTeam).Select((m, i) => new ManagementTeamMember
                { SortOrder = i, Name = Clean(m.Name), Role = Clean(m.Role), Email = Clean(m.Email), Phone = Clean(m.Phone), ContactVisibility = m.ContactVisibility })],
            SupportFacilities = [.. Filled(SupportFacilities).Select((f, i) => new SupportFacility { SortOrder = i, Name = Clean(f.Name)!, Type = Clean(f.Type), Website = Clean(f.Website) })],
            MajorPlayers = [.. Filled(MajorPlayers).Select((m, i) => new MajorPlayer { SortOrder = i, Name = Clean(m.Name)!, Type = Clean(m.Type), Link = Clean(m.Link) })],
            CollaboratingClusters = [.. Filled(CollaboratingClusters).Select((c, i) => new CollaboratingCluster { SortOrder = i, Name = Clean(c.Name)!, CountryCode = Clean(c.CountryCode) })],
            SupportProgrammes = [.. Filled(SupportProgrammes).Select((s, i) => new SupportProgramme { SortOrder = i, Name = Clean(s.Name)!, Description = Clean(s.Description), Link = Clean(s.Link), Level = s.Level })],
            SuccessStories = [.. Filled(SuccessStories).Select((s, i) => new SuccessStory { SortOrder = i, Title = Clean(s.Title)!, Text = Clean(s.Text) })],
        };
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

    /// <summary>Drops the empty rows the form offers for adding, and trims what people typed, so that two forms compare by content.</summary>
    public ProfileForm Normalised()
    {
        var copy = FromJson(ToJson());
        copy.ManagementTeam = [.. Filled(copy.ManagementTeam)];
        copy.SupportFacilities = [.. Filled(copy.SupportFacilities)];
        copy.MajorPlayers = [.. Filled(copy.MajorPlayers)];
        copy.CollaboratingClusters = [.. Filled(copy.CollaboratingClusters)];
        copy.SupportProgrammes = [.. Filled(copy.SupportProgrammes)];
        copy.SuccessStories = [.. Filled(copy.SuccessStories)];
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

    private static IEnumerable<T> Filled<T>(IEnumerable<T> rows) where T : IFormRow => rows.Where(r => !r.IsEmpty).Select(r => r.Trimmed());
}

/// <summary>
/// A row of a repeated group in the form; the form offers empty ones for adding, which are dropped. Rows declare
/// their properties in the order the form shows them (the error summary follows it).
/// </summary>
public interface IFormRow
{
    bool IsEmpty { get; }
}

public static class FormRows
{
    /// <summary>The row with its text trimmed (rows are records, so this is a copy).</summary>
    public static T Trimmed<T>(this T row) where T : IFormRow => row switch
    {
        TeamMemberRow m => (T)(object)(m with { Name = ProfileForm.Clean(m.Name), Role = ProfileForm.Clean(m.Role), Email = ProfileForm.Clean(m.Email), Phone = ProfileForm.Clean(m.Phone) }),
        FacilityRow f => (T)(object)(f with { Name = ProfileForm.Clean(f.Name), Type = ProfileForm.Clean(f.Type), Website = ProfileForm.Clean(f.Website) }),
        MajorPlayerRow m => (T)(object)(m with { Name = ProfileForm.Clean(m.Name), Type = ProfileForm.Clean(m.Type), Link = ProfileForm.Clean(m.Link) }),
        PartnerRow c => (T)(object)(c with { Name = ProfileForm.Clean(c.Name), CountryCode = ProfileForm.Clean(c.CountryCode) }),
        ProgrammeRow s => (T)(object)(s with { Name = ProfileForm.Clean(s.Name), Description = ProfileForm.Clean(s.Description), Link = ProfileForm.Clean(s.Link) }),
        StoryRow s => (T)(object)(s with { Title = ProfileForm.Clean(s.Title), Text = ProfileForm.Clean(s.Text) }),
        _ => row,
    };
}

public sealed record TeamMemberRow : IFormRow
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.Public;
    [JsonIgnore] public bool IsEmpty => Blank(Name, Role, Email, Phone);
    internal static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}

public sealed record FacilityRow : IFormRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Website { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Type, Website);
}

public sealed record MajorPlayerRow : IFormRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Link { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Type, Link);
}

public sealed record PartnerRow : IFormRow
{
    public string? Name { get; set; }
    public string? CountryCode { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name);
}

public sealed record ProgrammeRow : IFormRow
{
    public string? Name { get; set; }
    public SupportProgrammeLevel? Level { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Name, Description, Link);
}

public sealed record StoryRow : IFormRow
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    [JsonIgnore] public bool IsEmpty => TeamMemberRow.Blank(Title, Text);
}

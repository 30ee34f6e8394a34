using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ImportExport;

/// <summary>A vocabulary label read from a page, to be matched against the vocabulary by the importer.</summary>
public sealed record TermReference(ProfileField Field, string Label, int Line);

public sealed record ParsedProfilePage(ClusterOrganisation Profile, IReadOnlyList<TermReference> Terms, ImportReport Report);

/// <summary>
/// Reads an ECCP profile page saved as text: a label line ending in a colon, its values on the
/// following lines, section headings without colons, numbered and bulleted blocks.
/// Saved pages vary (missing sections, labels without values, a last line cut short), so every
/// value that cannot be placed is reported rather than guessed or dropped.
/// </summary>
public sealed partial class EccpProfilePageParser(CountryList countries)
{
    private enum Field
    {
        None, Ignore, Unknown,
        Name, LocalName, Acronym, Website, Email, Phone, Address, Street, Postcode, City, Country, Region, Description,
        Established, StaffFte, Label, LabelValidity, OtherLabels, Networks, Team, Languages,
        Sectors, Emerging, Technology, S3, OtherSpecialisation,
        TotalMembers, SmeMembers, Startups, LargeMembers, ResearchMembers, OtherActors, Facilities, MajorPlayers,
        Strategy, Formalised, InternationalisationFocus, Services, ServiceDetails,
        CountriesOutsideEurope, InternationalActivities, CountriesInEurope, EuropeanActivities, CollaboratingClusters,
        Programmes, Stories,
    }

    // Labels as the ECCP prints them, folded with TextFolding.MatchKey; matched exactly or as a prefix.
    private static readonly (string Key, Field Field)[] Labels =
    [
        ("thedatewhentheclusterorganisationwasestablished", Field.Established),
        ("dateofestablishment", Field.Established),
        ("numberofstaffinthemanagementteam", Field.StaffFte),
        ("clusterexcellencelabelvalid", Field.LabelValidity),
        ("labelvaliduntil", Field.LabelValidity),
        ("clusterexcellencelabel", Field.Label),
        ("otherlabels", Field.OtherLabels),
        ("membershiptoothernetworks", Field.Networks),
        ("membershipofothernetworks", Field.Networks),
        ("clustermanagementteam", Field.Team),
        ("languagesspoken", Field.Languages),
        ("sectoralindustries", Field.Sectors),
        ("emergingindustries", Field.Emerging),
        ("technologyfields", Field.Technology),
        ("s3eupriorityareas", Field.S3),
        ("otherareasofspecialisation", Field.OtherSpecialisation),
        ("areasofspecialisation", Field.OtherSpecialisation),
        ("totalnumberofmembers", Field.TotalMembers),
        ("numberofsmemembers", Field.SmeMembers),
        ("numberofstartups", Field.Startups),
        ("numberofstartupsamongsmemembers", Field.Startups),
        ("numberoflargercompanymembers", Field.LargeMembers),
        ("numberofresearchorganisations", Field.ResearchMembers),
        ("numberofotherecosystemactors", Field.OtherActors),
        ("entrepreneurshipandscaleupsupportfacilities", Field.Facilities),
        ("nameandlinkofmajorplayers", Field.MajorPlayers),
        ("majorplayers", Field.MajorPlayers),
        ("doyouhaveaformalisedstrategy", Field.Formalised),
        ("doyouhaveaspecificstrategyfocus", Field.InternationalisationFocus),
        ("supportservicesprovided", Field.Services),
        ("detailsofsupportservices", Field.ServiceDetails),
        ("themaincountriesaddressedbytheclusterorganisationoutsideeurope", Field.CountriesOutsideEurope),
        ("ourclusterorganisationundertookthefollowinginternationalactivities", Field.InternationalActivities),
        ("themaincountriesaddressedbytheclusterorganisationineurope", Field.CountriesInEurope),
        ("ourclusterorganisationundertookthefollowingactivitiesineurope", Field.EuropeanActivities),
        ("whichclustersdoyoucollaboratewith", Field.CollaboratingClusters),
        ("participationinfundedsupportprogrammes", Field.Programmes),
        ("successstoryachievements", Field.Stories),
        ("successstories", Field.Stories),
        ("nameinthelocallanguage", Field.LocalName),
        ("nameinlocallanguage", Field.LocalName),
        ("localname", Field.LocalName),
        ("acronym", Field.Acronym),
        ("website", Field.Website),
        ("webpage", Field.Website),
        ("email", Field.Email),
        ("telephone", Field.Phone),
        ("phone", Field.Phone),
        ("address", Field.Address),
        ("street", Field.Street),
        ("postcode", Field.Postcode),
        ("postalcode", Field.Postcode),
        ("city", Field.City),
        ("country", Field.Country),
        ("region", Field.Region),
        ("shortdescription", Field.Description),
        ("description", Field.Description),
        ("clusterstrategy", Field.Strategy),
    ];

    // Headings without a colon. "Cluster Strategy" opens the strategy text; the others close the field before them.
    private static readonly Dictionary<string, Field> Headings = new(StringComparer.Ordinal)
    {
        ["generalinformation"] = Field.None,
        ["sectoralandindustrialfocus"] = Field.None,
        ["compositionofthecluster"] = Field.None,
        ["clusterstrategy"] = Field.Strategy,
        ["supportservices"] = Field.None,
        ["cooperationactivities"] = Field.None,
        ["internationalcooperation"] = Field.None,
        ["europeancooperation"] = Field.None,
        ["supportprogrammes"] = Field.None,
        ["successstoryachievements"] = Field.Stories,
        ["primarytabs"] = Field.Ignore,
        ["contact"] = Field.None,
        ["contactdetails"] = Field.None,
    };

    private static readonly HashSet<Field> TextFields =
        [Field.Strategy, Field.ServiceDetails, Field.Programmes, Field.Stories, Field.Description, Field.OtherSpecialisation, Field.OtherLabels];

    private static readonly string[] DateFormats =
    [
        "dddd, d MMMM, yyyy", "dddd, d MMMM yyyy", "d MMMM, yyyy", "d MMMM yyyy", "MMMM d, yyyy", "yyyy-MM-dd",
        "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy.", "dd-MM-yyyy",
    ];

    public ParsedProfilePage Parse(string text, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new MalformedProfilePageException(sourceName, 1, "the file is empty: expected a saved ECCP profile page");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var nulLine = text[..text.IndexOf('\0', StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            throw new MalformedProfilePageException(sourceName, nulLine, "binary content (a NUL byte): expected a profile page saved as text");
        }
        if (FirstBrokenCharacter(text) is { } broken)
        {
            var brokenLine = text[..broken].Count(c => c == '\n') + 1;
            throw new MalformedProfilePageException(sourceName, brokenLine, "broken text (half of a Unicode character): expected a profile page saved as text");
        }
        // Control characters (terminal escapes among them) are never content: they reach neither the report nor the profile.
        text = ControlCharacters().Replace(text, "");

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').Split('\n')
            .Select(l => l.TrimEnd()).ToArray();
        var report = new ImportReport();
        var (name, nameLine) = FindName(lines, sourceName);
        var profile = new ClusterOrganisation { Name = name, Slug = TextFolding.Slug(name), Source = "eccp-import" };
        report.Took("name", name, nameLine);
        report.Slug = profile.Slug;
        if (profile.Slug.Length == 0)
        {
            throw new MalformedProfilePageException(sourceName, nameLine, $"the name \"{name}\" has no letters or digits to make a URL from");
        }

        var blocks = SplitIntoFields(lines, nameLine, name, report);
        if (!blocks.Any(b => b.Field is not (Field.None or Field.Ignore or Field.Unknown)))
        {
            throw new MalformedProfilePageException(sourceName, 1,
                "no known profile label found (such as \"Sectoral Industries:\" or \"Cluster Management Team:\"): this is not an ECCP profile page");
        }

        var terms = new List<TermReference>();
        foreach (var block in blocks)
        {
            Place(block, profile, terms, report);
        }
        InferCountryFromPhones(profile, report);
        // A local name is most likely in the country's main language (as the form assumes); its editors can change it.
        profile.LocalLanguage = profile.LocalName is null ? null : countries.MainLanguageOf(profile.CountryCode);
        return new ParsedProfilePage(profile, terms, report);
    }

    /// <summary>
    /// Saved pages often lack the cluster's country; the international prefix of its phone numbers tells it
    /// when they all agree.
    /// </summary>
    private void InferCountryFromPhones(ClusterOrganisation profile, ImportReport report)
    {
        if (profile.CountryCode is not null)
        {
            return;
        }
        var phones = profile.ManagementTeam.Select(m => m.Phone).Append(profile.Phone).OfType<string>().ToList();
        var found = phones.Select(countries.FindByPhone).OfType<Country>().Select(c => c.Code).Distinct().ToList();
        if (found.Count == 1)
        {
            profile.CountryCode = found[0];
            report.Took("country", $"{countries.NameOf(found[0])} (from the phone prefix; the page names no country)", 0);
        }
        else
        {
            report.NotPlaced("country", "", 0, found.Count == 0 ? "the page names no country" : "the phone numbers point to different countries");
        }
    }

    private sealed record Value(string Text, int Line);

    private sealed class Block(Field field, string label, int line)
    {
        public Field Field { get; } = field;
        public string Label { get; } = label;
        public int Line { get; } = line;
        public List<Value> Values { get; } = [];
        public IEnumerable<Value> NonEmpty => Values.Where(v => v.Text.Trim().Length > 0);
    }

    private static (string Name, int Line) FindName(string[] lines, string sourceName)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = BreadcrumbPattern().Match(lines[i]);
            if (match.Success && match.Groups["name"].Value.Trim().Length > 0)
            {
                return (match.Groups["name"].Value.Trim(), i + 1);
            }
        }
        // No breadcrumb: the title is the first line that is neither boilerplate, heading nor label.
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.EndsWith(':') && MatchLabel(TextFolding.MatchKey(line)) is not null)
            {
                break; // the title comes before the first field
            }
            if (line.Length == 0 || IsBoilerplate(line) || line.EndsWith(':'))
            {
                continue;
            }
            var key = TextFolding.MatchKey(line);
            if (Headings.ContainsKey(key) || key.Length == 0)
            {
                continue;
            }
            if (line.Length > 200)
            {
                break;
            }
            return (line, i + 1);
        }
        throw new MalformedProfilePageException(sourceName, 1,
            "no cluster name: expected the breadcrumb \"Home > Cluster Organisations > NAME\" or a title line");
    }

    private static bool IsBoilerplate(string line) =>
        line.StartsWith("Printer-friendly version", StringComparison.OrdinalIgnoreCase)
        || line.Equals("Primary tabs", StringComparison.OrdinalIgnoreCase)
        || BreadcrumbPattern().IsMatch(line)
        || line is "View" or "Edit" or "Revisions" or "Colleagues";

    private static List<Block> SplitIntoFields(string[] lines, int nameLine, string name, ImportReport report)
    {
        var blocks = new List<Block>();
        var current = new Block(Field.None, "", 0);
        blocks.Add(current);
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i];
            var trimmed = line.Trim();
            // The page repeats the name as its title under the breadcrumb.
            if (lineNumber == nameLine || IsBoilerplate(trimmed) || (current.Field == Field.None && blocks.Count == 1 && trimmed == name))
            {
                continue;
            }
            var inText = TextFields.Contains(current.Field);
            if (trimmed.EndsWith(':') && trimmed.Length <= 200)
            {
                var labelKey = TextFolding.MatchKey(trimmed);
                var field = MatchLabel(labelKey);
                if (field is not null)
                {
                    current = new Block(field.Value, trimmed.TrimEnd(':').Trim(), lineNumber);
                    blocks.Add(current);
                    continue;
                }
                if (!inText && trimmed.Length <= 150 && !trimmed.Contains("http", StringComparison.OrdinalIgnoreCase))
                {
                    current = new Block(Field.Unknown, trimmed.TrimEnd(':').Trim(), lineNumber);
                    blocks.Add(current);
                    continue;
                }
            }
            // Some saved pages put the value on the label's line: "Total number of members: 45".
            var colon = trimmed.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 2 && colon <= 200 && !inText && MatchLabel(TextFolding.MatchKey(trimmed[..colon])) is { } inlineField)
            {
                current = new Block(inlineField, trimmed[..colon].Trim(), lineNumber);
                current.Values.Add(new Value(trimmed[(colon + 2)..], lineNumber));
                blocks.Add(current);
                continue;
            }
            if (trimmed.Length > 0 && trimmed.Length <= 60 && !trimmed.EndsWith(':')
                && Headings.TryGetValue(TextFolding.MatchKey(trimmed), out var heading))
            {
                // "Support services" is both a heading and, as "Support services provided:", a label; a heading never has a colon.
                current = new Block(heading, trimmed, lineNumber);
                blocks.Add(current);
                continue;
            }
            current.Values.Add(new Value(line, lineNumber));
        }
        foreach (var block in blocks.Where(b => b.Field == Field.None || b.Field == Field.Ignore))
        {
            foreach (var value in block.NonEmpty)
            {
                report.NotPlaced("(no label)", value.Text.Trim(), value.Line, "text outside any known field");
            }
        }
        return blocks;
    }

    private static Field? MatchLabel(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }
        foreach (var (known, field) in Labels)
        {
            if (key == known)
            {
                return field;
            }
        }
        // Longer labels are often reworded at the end ("... (see "Organisation type")"): match on their start.
        foreach (var (known, field) in Labels.OrderByDescending(l => l.Key.Length))
        {
            if (known.Length >= 12 && key.StartsWith(known, StringComparison.Ordinal))
            {
                return field;
            }
        }
        return null;
    }

    private void Place(Block block, ClusterOrganisation profile, List<TermReference> terms, ImportReport report)
    {
        var fieldName = FieldName(block);
        if (block.Field is Field.None or Field.Ignore)
        {
            return;
        }
        var values = block.NonEmpty.Select(v => v with { Text = v.Text.Trim() }).ToList();
        if (values.Count == 0)
        {
            if (block.Field != Field.Unknown)
            {
                report.Empty(fieldName, block.Line);
            }
            return;
        }

        switch (block.Field)
        {
            case Field.Unknown:
                foreach (var v in values)
                {
                    report.NotPlaced(block.Label, v.Text, v.Line, "unknown label");
                }
                break;
            case Field.LocalName: profile.LocalName = Single(values, fieldName, report); break;
            case Field.Acronym: profile.Acronym = Single(values, fieldName, report); break;
            case Field.Website: profile.Website = WebAddress(Single(values, fieldName, report), fieldName, values, report); break;
            case Field.Email: profile.Email = Single(values, fieldName, report); break;
            case Field.Phone: profile.Phone = Single(values, fieldName, report); break;
            case Field.Street: profile.Street = Single(values, fieldName, report); break;
            case Field.Postcode: profile.Postcode = Single(values, fieldName, report); break;
            case Field.City: profile.City = Single(values, fieldName, report); break;
            case Field.Region: profile.RegionName = Single(values, fieldName, report); break;
            case Field.Address: PlaceAddress(values, profile, report); break;
            case Field.Country: PlaceCountry(values, profile, report); break;
            case Field.Description: profile.ShortDescription = JoinText(values, report, fieldName); break;
            case Field.OtherLabels: profile.OtherLabels = JoinText(values, report, fieldName); break;
            case Field.OtherSpecialisation: profile.OtherSpecialisationAreas = JoinText(values, report, fieldName); break;
            case Field.Established: PlaceDate(values, fieldName, report, d => profile.EstablishedOn = d, allowFuture: false); break;
            case Field.LabelValidity: PlaceDate(values, fieldName, report, d => profile.ExcellenceLabelValidUntil = d, allowFuture: true); break;
            case Field.StaffFte: PlaceStaff(values, profile, report); break;
            case Field.Label: PlaceLabel(values, profile, report); break;
            case Field.Networks:
                foreach (var v in values)
                {
                    profile.NetworkMemberships.Add(v.Text);
                    report.Took(fieldName, v.Text, v.Line);
                }
                break;
            case Field.Team: PlaceTeam(values, profile, report); break;
            case Field.Languages: PlaceLanguages(values, profile, report); break;
            case Field.Sectors: AddTerms(values, ProfileField.SectoralIndustry, terms); break;
            case Field.Emerging: AddTerms(values, ProfileField.EmergingIndustry, terms); break;
            case Field.Technology: AddTerms(values, ProfileField.TechnologyField, terms); break;
            case Field.S3: AddTerms(values, ProfileField.S3PriorityArea, terms); break;
            case Field.Services: AddTerms(values, ProfileField.SupportService, terms); break;
            case Field.InternationalActivities: AddTerms(values, ProfileField.InternationalActivity, terms); break;
            case Field.EuropeanActivities: AddTerms(values, ProfileField.EuropeanActivity, terms); break;
            case Field.TotalMembers: PlaceCount(values, fieldName, report, n => profile.TotalMembers = n); break;
            case Field.SmeMembers: PlaceCount(values, fieldName, report, n => profile.SmeMembers = n); break;
            case Field.Startups: PlaceCount(values, fieldName, report, n => profile.StartupMembers = n); break;
            case Field.LargeMembers: PlaceCount(values, fieldName, report, n => profile.LargeCompanyMembers = n); break;
            case Field.ResearchMembers: PlaceCount(values, fieldName, report, n => profile.ResearchOrganisationMembers = n); break;
            case Field.OtherActors: PlaceCount(values, fieldName, report, n => profile.OtherEcosystemActors = n); break;
            case Field.Facilities: PlaceFacilities(values, profile, report); break;
            case Field.MajorPlayers: PlaceMajorPlayers(values, profile, report); break;
            case Field.Strategy:
                profile.StrategyMarkdown = PlainTextMarkdown.FromPageText(block.Values.Select(v => v.Text));
                report.Took(fieldName, $"{values.Count} lines of text", values[0].Line);
                break;
            case Field.ServiceDetails:
                profile.SupportServicesMarkdown = PlainTextMarkdown.FromPageText(block.Values.Select(v => v.Text));
                report.Took(fieldName, $"{values.Count} lines of text", values[0].Line);
                break;
            case Field.Formalised: PlaceYesNo(values, fieldName, report, b => profile.HasFormalisedStrategy = b); break;
            case Field.InternationalisationFocus: PlaceYesNo(values, fieldName, report, b => profile.HasInternationalisationFocus = b); break;
            case Field.CountriesOutsideEurope: PlaceCountries(values, fieldName, report, profile.CountriesOutsideEurope); break;
            case Field.CountriesInEurope: PlaceCountries(values, fieldName, report, profile.CountriesInEurope); break;
            case Field.CollaboratingClusters: PlaceCollaboratingClusters(values, profile, report); break;
            case Field.Programmes: PlaceProgrammes(block, profile, report); break;
            case Field.Stories: PlaceStories(block, profile, report); break;
            default:
                foreach (var v in values)
                {
                    report.NotPlaced(fieldName, v.Text, v.Line, "no rule for this field");
                }
                break;
        }
    }

    private static string FieldName(Block block) => block.Field switch
    {
        Field.Unknown => block.Label,
        _ => SplitWords().Replace(block.Field.ToString(), " $1").Trim().ToLowerInvariant(),
    };

    private static string Single(List<Value> values, string field, ImportReport report)
    {
        report.Took(field, values[0].Text, values[0].Line);
        foreach (var extra in values.Skip(1))
        {
            report.NotPlaced(field, extra.Text, extra.Line, "the field takes one value");
        }
        return values[0].Text;
    }

    private static string JoinText(List<Value> values, ImportReport report, string field)
    {
        report.Took(field, values.Count == 1 ? values[0].Text : $"{values.Count} lines of text", values[0].Line);
        return string.Join("\n", values.Select(v => v.Text));
    }

    private void PlaceAddress(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var country = countries.Find(v.Text);
            if (country is not null && profile.CountryCode is null)
            {
                profile.CountryCode = country.Code;
                report.Took("country", country.Name, v.Line);
                continue;
            }
            var postcodeCity = PostcodeCityPattern().Match(v.Text);
            if (postcodeCity.Success && profile.City is null)
            {
                profile.Postcode = postcodeCity.Groups["postcode"].Value;
                profile.City = postcodeCity.Groups["city"].Value.Trim();
                report.Took("postcode and city", v.Text, v.Line);
            }
            else if (profile.Street is null)
            {
                profile.Street = v.Text;
                report.Took("street", v.Text, v.Line);
            }
            else if (profile.City is null)
            {
                profile.City = v.Text;
                report.Took("city", v.Text, v.Line);
            }
            else
            {
                report.NotPlaced("address", v.Text, v.Line, "more address lines than street, postcode, city and country");
            }
        }
    }

    private void PlaceCountry(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        var country = countries.Find(values[0].Text);
        if (country is null)
        {
            report.NotPlaced("country", values[0].Text, values[0].Line, "not a country name or ISO code known here");
            return;
        }
        profile.CountryCode = country.Code;
        report.Took("country", country.Name, values[0].Line);
    }

    private static void PlaceDate(List<Value> values, string field, ImportReport report, Action<DateOnly> set, bool allowFuture)
    {
        var v = values[0];
        var text = v.Text.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            if (!allowFuture && date > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                report.NotPlaced(field, text, v.Line, "a date in the future");
                return;
            }
            set(date);
            report.Took(field, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Line);
            return;
        }
        report.NotPlaced(field, text, v.Line, "not a date (expected e.g. \"Friday, 21 October, 2011\" or 2011-10-21)");
    }

    private static void PlaceStaff(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var number = LeadingNumber().Match(v.Text);
            if (number.Success && profile.ManagementTeamFte is null
                && decimal.TryParse(number.Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var fte) && fte >= 0)
            {
                profile.ManagementTeamFte = fte;
                report.Took("management team (FTE)", fte.ToString(CultureInfo.InvariantCulture), v.Line);
            }
            else if (profile.RegionName is null && RegionPattern().IsMatch(v.Text))
            {
                // Saved pages show the cluster's region right after the staff count, without a label.
                profile.RegionName = v.Text;
                report.Took("region", v.Text, v.Line);
            }
            else
            {
                report.NotPlaced("management team (FTE)", v.Text, v.Line, "not a number");
            }
        }
        if (profile.ManagementTeamFte is null && values.Count > 0 && RegionPattern().IsMatch(values[0].Text))
        {
            report.Empty("management team (FTE)", values[0].Line - 1);
        }
    }

    private static void PlaceLabel(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var key = TextFolding.MatchKey(v.Text);
            ExcellenceLabel? label = key switch
            {
                _ when key.Contains("gold", StringComparison.Ordinal) => ExcellenceLabel.Gold,
                _ when key.Contains("silver", StringComparison.Ordinal) => ExcellenceLabel.Silver,
                _ when key.Contains("bronze", StringComparison.Ordinal) => ExcellenceLabel.Bronze,
                "none" or "nolabel" or "no" => ExcellenceLabel.None,
                _ => null,
            };
            var validity = ValidUntilPattern().Match(v.Text);
            if (validity.Success && DateOnly.TryParseExact(validity.Groups["date"].Value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                profile.ExcellenceLabelValidUntil = until;
                report.Took("excellence label valid until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Line);
            }
            if (label is not null && profile.ExcellenceLabel is null)
            {
                profile.ExcellenceLabel = label;
                report.Took("cluster excellence label", label.Value.ToString(), v.Line);
            }
            else if (!validity.Success)
            {
                report.NotPlaced("cluster excellence label", v.Text, v.Line, "expected Bronze, Silver or Gold Label");
            }
        }
    }

    private static void PlaceTeam(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        ManagementTeamMember? member = null;
        ManagementTeamMember Start()
        {
            member = new ManagementTeamMember { SortOrder = profile.ManagementTeam.Count };
            profile.ManagementTeam.Add(member);
            return member;
        }
        foreach (var v in values)
        {
            var text = v.Text;
            if (EmailPattern().IsMatch(text))
            {
                (member is null || member.Email is not null ? Start() : member).Email = text;
                report.Took("management team e-mail", text, v.Line);
            }
            else if (PhonePattern().IsMatch(text))
            {
                (member is null || member.Phone is not null ? Start() : member).Phone = text;
                report.Took("management team phone", text, v.Line);
            }
            else if (IsRole(text))
            {
                // A role opens a new person unless it follows that person's name.
                var target = member is not null && member.Role is null && member.Phone is null && member.Email is null ? member : Start();
                target.Role = text;
                report.Took("management team role", text, v.Line);
            }
            else
            {
                Start().Name = text;
                report.Took("management team name", text, v.Line);
            }
        }
    }

    private static bool IsRole(string text) => RolePattern().IsMatch(text);

    private static void PlaceLanguages(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            foreach (var part in v.Text.Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var code = LanguageCodes.Find(part);
                if (code is null)
                {
                    report.NotPlaced("languages spoken", part, v.Line, "not a language name or ISO 639-1 code known here");
                }
                else if (!profile.Languages.Contains(code))
                {
                    profile.Languages.Add(code);
                    report.Took("languages spoken", code, v.Line);
                }
            }
        }
    }

    private static void AddTerms(List<Value> values, ProfileField field, List<TermReference> terms)
    {
        foreach (var v in values)
        {
            terms.Add(new TermReference(field, v.Text, v.Line));
        }
    }

    private static void PlaceCount(List<Value> values, string field, ImportReport report, Action<int> set)
    {
        var v = values[0];
        var text = v.Text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var number = LeadingNumber().Match(text);
        if (number.Success && int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            set(count);
            report.Took(field, count.ToString(CultureInfo.InvariantCulture), v.Line);
        }
        else
        {
            report.NotPlaced(field, v.Text, v.Line, "not a whole number");
        }
        foreach (var extra in values.Skip(1))
        {
            report.NotPlaced(field, extra.Text, extra.Line, "the field takes one number");
        }
    }

    private static void PlaceYesNo(List<Value> values, string field, ImportReport report, Action<bool> set)
    {
        var v = values[0];
        bool? answer = TextFolding.MatchKey(v.Text) switch
        {
            "yes" or "y" or "true" or "da" or "ja" or "oui" or "si" => true,
            "no" or "n" or "false" or "ne" or "nein" or "non" => false,
            _ => null,
        };
        if (answer is null)
        {
            report.NotPlaced(field, v.Text, v.Line, "expected Yes or No");
            return;
        }
        set(answer.Value);
        report.Took(field, answer.Value ? "yes" : "no", v.Line);
    }

    private void PlaceCountries(List<Value> values, string field, ImportReport report, List<string> target)
    {
        foreach (var v in values)
        {
            var whole = countries.Find(v.Text);
            var parts = whole is not null ? [v.Text] : v.Text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                var country = countries.Find(part);
                if (country is null)
                {
                    report.NotPlaced(field, part, v.Line, "not a country name known here");
                }
                else if (!target.Contains(country.Code))
                {
                    target.Add(country.Code);
                    report.Took(field, country.Name, v.Line);
                }
            }
        }
    }

    private void PlaceCollaboratingClusters(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            string name = v.Text;
            Country? country = null;
            var lastComma = v.Text.LastIndexOf(',');
            var dash = TrailingDash().Match(v.Text);
            var parenthesis = TrailingParenthesis().Match(v.Text);
            if (lastComma > 0 && countries.Find(v.Text[(lastComma + 1)..]) is { } byComma)
            {
                (name, country) = (v.Text[..lastComma].Trim(), byComma);
            }
            else if (parenthesis.Success && countries.Find(parenthesis.Groups["country"].Value) is { } byParenthesis)
            {
                (name, country) = (v.Text[..parenthesis.Index].Trim(), byParenthesis);
            }
            else if (dash.Success && countries.Find(dash.Groups["country"].Value) is { } byDash)
            {
                (name, country) = (v.Text[..dash.Index].Trim(), byDash);
            }
            profile.CollaboratingClusters.Add(new CollaboratingCluster
            {
                Name = name,
                CountryCode = country?.Code,
                SortOrder = profile.CollaboratingClusters.Count,
            });
            if (country is null)
            {
                report.NotPlaced("collaborating cluster country", v.Text, v.Line, "no known country after the name: the cluster is kept without a country");
            }
            else
            {
                report.Took("collaborating cluster", $"{name} ({country.Name})", v.Line);
            }
        }
    }

    /// <summary>Facilities: a name line, then optionally its type (from the vocabulary) and its website.</summary>
    private static void PlaceFacilities(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        SupportFacility? current = null;
        foreach (var v in values)
        {
            var parts = v.Text.Split([',', ';', '|', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (UrlPattern().IsMatch(v.Text) && parts.Length == 1 && current is not null && current.Website is null)
            {
                current.Website = WebAddress(v.Text, "support facility website", [v], report);
                if (current.Website is not null)
                {
                    report.Took("support facility website", v.Text, v.Line);
                }
                continue;
            }
            if (current is not null && current.Type is null && parts.Length == 1 && FacilityTypePattern().IsMatch(v.Text) && v.Text.Length < 60)
            {
                current.Type = v.Text;
                report.Took("support facility type", v.Text, v.Line);
                continue;
            }
            current = new SupportFacility { Name = parts.Length > 0 ? parts[0] : v.Text, SortOrder = profile.SupportFacilities.Count };
            foreach (var part in parts.Skip(1))
            {
                if (UrlPattern().IsMatch(part)) { current.Website ??= WebAddress(part, "support facility website", [v], report); }
                else { current.Type ??= part; }
            }
            profile.SupportFacilities.Add(current);
            report.Took("support facility", current.Name, v.Line);
        }
    }

    /// <summary>Major players: a name line, optionally with its type and a link on the same or the next line.</summary>
    private static void PlaceMajorPlayers(List<Value> values, ClusterOrganisation profile, ImportReport report)
    {
        MajorPlayer? current = null;
        foreach (var v in values)
        {
            var url = UrlPattern().Match(v.Text);
            if (url.Success && url.Length == v.Text.Length && current is not null && current.Link is null)
            {
                current.Link = WebAddress(v.Text, "major player link", [v], report);
                report.Took("major player link", v.Text, v.Line);
                continue;
            }
            var name = url.Success ? v.Text.Remove(url.Index, url.Length).Trim(' ', ',', '-', '–', ':', '(', ')') : v.Text;
            string? type = null;
            var typed = TrailingParenthesis().Match(name);
            if (typed.Success)
            {
                type = typed.Groups["country"].Value.Trim();
                name = name[..typed.Index].Trim();
            }
            if (name.Length == 0)
            {
                report.NotPlaced("major player", v.Text, v.Line, "a link without a name");
                continue;
            }
            current = new MajorPlayer { Name = name, Type = type, Link = url.Success ? WebAddress(url.Value, "major player link", [v], report) : null, SortOrder = profile.MajorPlayers.Count };
            profile.MajorPlayers.Add(current);
            report.Took("major player", name, v.Line);
        }
    }

    private static void PlaceProgrammes(Block block, ClusterOrganisation profile, ImportReport report)
    {
        SupportProgrammeLevel? level = null;
        foreach (var item in SplitItems(block.Values, line =>
                 {
                     // Table headings such as "Name & Description (Regional/National)Link (Regional/National)".
                     if (!line.Contains("Name & Description", StringComparison.OrdinalIgnoreCase)
                         && !line.Contains("Name and Description", StringComparison.OrdinalIgnoreCase))
                     {
                         return false;
                     }
                     var key = TextFolding.MatchKey(line);
                     level = key.Contains("regionalnational", StringComparison.Ordinal) ? SupportProgrammeLevel.RegionalOrNational
                         : key.Contains("europeaninternational", StringComparison.Ordinal) ? SupportProgrammeLevel.EuropeanOrInternational
                         : key.Contains("european", StringComparison.Ordinal) ? SupportProgrammeLevel.European
                         : key.Contains("international", StringComparison.Ordinal) ? SupportProgrammeLevel.International
                         : key.Contains("national", StringComparison.Ordinal) ? SupportProgrammeLevel.National
                         : key.Contains("regional", StringComparison.Ordinal) ? SupportProgrammeLevel.Regional
                         : null;
                     return true;
                 }))
        {
            var text = item.Text;
            var link = UrlPattern().Match(text);
            var name = ProgrammeName(text);
            profile.SupportProgrammes.Add(new SupportProgramme
            {
                Name = name,
                Description = text,
                Link = link.Success ? LinkPolicy.NormaliseWebAddress(link.Value.TrimEnd('.', ',', ')', ';')) : null,
                Level = item.Level ?? level,
                SortOrder = profile.SupportProgrammes.Count,
            });
            report.Took("support programme", name, item.Line);
        }
    }

    private static void PlaceStories(Block block, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var item in SplitItems(block.Values, _ => false))
        {
            var (title, text) = SplitTitle(item.Text);
            profile.SuccessStories.Add(new SuccessStory { Title = title, Text = text, SortOrder = profile.SuccessStories.Count });
            report.Took("success story", title, item.Line);
        }
    }

    private sealed record Item(string Text, int Line, SupportProgrammeLevel? Level);

    /// <summary>
    /// Splits a block into items: numbered ("1. ...") or bulleted lines open an item and the lines after
    /// them continue it; without numbering, blank lines separate items.
    /// </summary>
    private static List<Item> SplitItems(List<Value> values, Func<string, bool> isHeading)
    {
        var items = new List<Item>();
        var numbered = values.Any(v => ListItemPattern().IsMatch(v.Text));
        var text = new StringBuilder();
        var start = 0;
        var lastWasBlank = true;
        void Flush()
        {
            if (text.Length > 0)
            {
                items.Add(new Item(text.ToString().Trim(), start, null));
                text.Clear();
            }
        }
        foreach (var v in values)
        {
            var line = v.Text.Trim();
            if (line.Length == 0)
            {
                lastWasBlank = true;
                continue;
            }
            if (isHeading(line))
            {
                Flush();
                lastWasBlank = true;
                continue;
            }
            var marker = ListItemPattern().Match(line);
            if ((numbered && marker.Success) || (!numbered && lastWasBlank))
            {
                Flush();
                start = v.Line;
                line = marker.Success ? line[marker.Length..].Trim() : line;
            }
            else if (text.Length > 0)
            {
                text.Append(lastWasBlank ? "\n\n" : " ");
            }
            if (text.Length == 0)
            {
                start = v.Line;
            }
            text.Append(line);
            lastWasBlank = false;
        }
        Flush();
        return items;
    }

    private static string ProgrammeName(string text)
    {
        var quoted = QuotedName().Match(text);
        if (quoted.Success && quoted.Index < 5)
        {
            return quoted.Groups["name"].Value.Trim();
        }
        var cut = ProgrammeNameEnd().Match(text);
        var name = cut.Success ? text[..cut.Index] : FirstSentence(text);
        name = name.Trim().Trim('"', '“', '”', '„', '\'', ' ');
        return name.Length > 200 ? name[..200].TrimEnd() + "…" : name;
    }

    private static (string Title, string? Text) SplitTitle(string text)
    {
        var separator = TitleSeparator().Match(text);
        if (separator.Success && separator.Index is > 0 and <= 200)
        {
            return (text[..separator.Index].Trim(), text[(separator.Index + separator.Length)..].Trim());
        }
        var sentence = FirstSentence(text);
        if (sentence.Length < text.Length && sentence.Length <= 200)
        {
            return (sentence.TrimEnd('.'), text[sentence.Length..].Trim());
        }
        return text.Length <= 200 ? (text, null) : (text[..120].TrimEnd() + "…", text);
    }

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    /// <summary>The index of the first lone surrogate, which no saved text file holds and no database stores faithfully.</summary>
    private static int? FirstBrokenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return null;
    }

    [GeneratedRegex(@"[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]")]
    private static partial Regex ControlCharacters();

    // Patterns that read whole lines run on the linear-time engine: a page is untrusted input, and one backtracking
    // pattern took minutes on a long line.
    [GeneratedRegex(@"^\s*Home\s*>\s*Cluster\s+Organi[sz]ations?\s*>\s*(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BreadcrumbPattern();

    [GeneratedRegex(@"([A-Z])")]
    private static partial Regex SplitWords();

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?", RegexOptions.NonBacktracking)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?:Autonomous\s+)?(?:Region|Province|County|District|Oblast|Land|Voivodeship|Canton)\b|\b(?:Region|Province|County|Oblast)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"valid(?:ity)?\s*(?:until|till|to|thru|through)?\s*:?\s*(?<date>[\w ,./-]+\d{4})", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ValidUntilPattern();

    [GeneratedRegex(@"^[\w.+'-]+@[\w-]+(\.[\w-]+)+$", RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:tel\.?|phone|mob\.?|mobile)?\s*:?\s*\+?[\d\s\-()/.]{6,}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:manager|responsible|director|coordinator|co-ordinator|president|officer|chair|head|ceo|secretary|assistant|advisor|adviser|expert|contact person|representative|executive|lead|leader|administrator)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^(?<postcode>[A-Z]{0,2}[- ]?\d{3,6}(?:[- ]\d{2,3})?)\s+(?<city>\D.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex PostcodeCityPattern();

    [GeneratedRegex(@"\s+[-–—]\s+(?<country>[^-–—]+)$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingDash();

    [GeneratedRegex(@"\s*\((?<country>[^()]+)\)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"\b(?:incubator|accelerator|technology cent(?:re|er)|research institute|fab ?lab|innovation hub|creative hub|science (?:and|&) technology park|technology park|science park|service provider|living lab|coworking|co-working)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex FacilityTypePattern();

    [GeneratedRegex(@"^(?:\d{1,3}[.)]|[•·▪◦‣*-])\s+", RegexOptions.NonBacktracking)]
    private static partial Regex ListItemPattern();

    /// <summary>A web address as the link policy stores it, or null with a note in the report naming the line.</summary>
    private static string? WebAddress(string? text, string fieldName, List<Value> values, ImportReport report)
    {
        if (text is null)
        {
            return null;
        }
        if (LinkPolicy.NormaliseWebAddress(text) is { } url)
        {
            return url;
        }
        var line = values.FirstOrDefault(v => v.Text.Contains(text.Trim(), StringComparison.Ordinal))?.Line ?? (values.Count > 0 ? values[0].Line : 0);
        report.NotPlaced(fieldName, text, line, "not a web address: only http and https links of a named host are stored");
        return null;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+|www\.[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^\s*[""“„'](?<name>[^""“”„]{3,200})[""”“']", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"[""”]?\s+(?:financed|funded|co-funded|cofinanced|co-financed|supported|implemented)\s+by\b|[.:;]\s", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ProgrammeNameEnd();

    [GeneratedRegex(@"\s+[-–—]\s+|:\s+", RegexOptions.NonBacktracking)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"[.!?](?=\s+[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}

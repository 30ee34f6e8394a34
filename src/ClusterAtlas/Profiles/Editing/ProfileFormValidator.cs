using System.Net.Mail;
using System.Text.RegularExpressions;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The server's checks of a profile form, field by field, so that each message can stand next to its field.
/// Only the fields of the given steps are checked: a step saves only its own fields.
/// </summary>
public sealed partial class ProfileFormValidator(CountryList countries, IReadOnlyDictionary<int, VocabularyTerm> terms, DateOnly today, IStringLocalizer<SharedResource> T,
    IReadOnlySet<int>? keptTermIds = null)
{
    public const int MaxMarkdownLength = ProfileSchema.MaxMarkdownLength;
    public const int MaxMembers = ProfileSchema.MaxMembers;

    public IReadOnlyList<FormError> Validate(ProfileForm form, IEnumerable<ProfileFormStep> steps)
    {
        var errors = new List<FormError>();
        foreach (var step in steps)
        {
            // What the schema says of each field (required, kind, range, length), then what relates fields to each other.
            foreach (var field in step.Fields)
            {
                if (field.Group is { } group)
                {
                    Rows(errors, field, group, (System.Collections.IList)field.FormValue(form)!);
                }
                else
                {
                    Check(errors, field, field.Name, field.FormValue(form), form);
                }
            }
            switch (step.Id)
            {
                case "identity": Identity(form, errors); break;
                case "general": General(form, errors); break;
                case "composition": Composition(form, errors); break;
            }
        }
        return errors;
    }

    public IReadOnlyList<FormError> ValidateAll(ProfileForm form) => Validate(form, ProfileFormStep.All);

    /// <summary>One field (of the form, or of a row with its prefix) as its schema entry declares it.</summary>
    private void Check(List<FormError> errors, ProfileSchemaField field, string key, object? value, ProfileForm form)
    {
        var text = value as string;
        if (field.Required && !ProfileSchemaField.HasValue(value) && field.RequiredMessage is { } required)
        {
            errors.Add(new(key, T[required]));
        }
        var count = errors.Count;
        switch (field.Kind)
        {
            case FieldKind.Url: WebAddress(errors, key, text, field.MaxLength!.Value); return;
            case FieldKind.Email: EmailAddress(errors, key, text, field.MaxLength!.Value); return;
            case FieldKind.Phone: PhoneNumber(errors, key, text); break;
            case FieldKind.Count: Count(errors, key, (int?)value); break;
            case FieldKind.Number or FieldKind.Coordinate when value is not null && field.Range is { } range && !range.Contains(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)):
                errors.Add(new(key, T[range.Message]));
                break;
            case FieldKind.Date when field.NotInFuture && value is DateOnly date && date > today:
                errors.Add(new(key, T["The date of establishment cannot be in the future."]));
                break;
            case FieldKind.Country when !string.IsNullOrWhiteSpace(text) && countries.ByCode(text.Trim()) is null:
                errors.Add(new(key, T["Choose a country from the list."]));
                break;
            case FieldKind.Language when !string.IsNullOrWhiteSpace(text) && !string.Equals(LanguageCodes.Find(text), text.Trim(), StringComparison.OrdinalIgnoreCase):
                errors.Add(new(key, T["Choose a language from the list."]));
                break;
            case FieldKind.Languages: Languages(errors, key, text); break;
            case FieldKind.Countries: Countries(errors, key, text); break;
            case FieldKind.Terms: Terms(errors, form, field.TermField!.Value, key); break;
            case FieldKind.Lines: Lines(errors, key, ProfileForm.SplitLines(text), field.MaxLength!.Value); return;
            case FieldKind.Choice when value is ContactVisibility visibility && !Enum.IsDefined(visibility):
                errors.Add(new(key, T["Choose who may see the contact details."]));
                break;
        }
        if (field.Name == nameof(ClusterOrganisation.NutsCode) && !string.IsNullOrWhiteSpace(text) && !NutsPattern().IsMatch(text.Trim()))
        {
            errors.Add(new(key, T["A NUTS code is two capital letters and up to three letters or digits, such as RS12."]));
        }
        // A value that is wrong in kind gets that message alone; the length is checked of one that is right.
        if (errors.Count == count && field.MaxLength is { } max && field.Kind is not FieldKind.Language and not FieldKind.Country)
        {
            Length(errors, key, text, max);
        }
    }

    /// <summary>Each row that holds something (the empty rows the form offers are dropped), field by field, with its prefix.</summary>
    private void Rows(List<FormError> errors, ProfileSchemaField field, FieldGroup group, System.Collections.IList rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not IFormRow { IsEmpty: false } row)
            {
                continue;
            }
            var prefix = $"{field.Name}[{i}].";
            // Some profiles name a role without a person (ECCP pages often do): one of the two is enough.
            if (row is TeamMemberRow member && string.IsNullOrWhiteSpace(member.Name) && string.IsNullOrWhiteSpace(member.Role))
            {
                errors.Add(new(prefix + nameof(member.Name), T["Enter the name or the role of the team member."]));
            }
            foreach (var rowField in group.Fields)
            {
                Check(errors, rowField, prefix + rowField.Name, rowField.FormValue(row), null!);
            }
        }
    }

    private void Identity(ProfileForm f, List<FormError> errors)
    {
        Nuts(f, errors);
        if (f.Value<double>(nameof(ClusterOrganisation.Latitude)) is null != f.Value<double>(nameof(ClusterOrganisation.Longitude)) is null)
        {
            errors.Add(new(f.Value<double>(nameof(ClusterOrganisation.Latitude)) is null ? nameof(ClusterOrganisation.Latitude) : nameof(ClusterOrganisation.Longitude), T["Give both the latitude and the longitude, or neither."]));
        }
    }

    /// <summary>
    /// A NUTS code of the right form must also be of a country, the profile's. It need not be in the platform's list of
    /// regions (the 2013 NUTS 2 boundaries of the map, and Serbia's): codes renumbered since (France's regions in 2016,
    /// Croatia's in 2021) are real, and refusing them would refuse correct profiles; a listed one names its region.
    /// </summary>
    private void Nuts(ProfileForm f, List<FormError> errors)
    {
        var code = f.Text(nameof(ClusterOrganisation.NutsCode))?.Trim();
        if (code is null || !NutsPattern().IsMatch(code))
        {
            return;
        }
        if (countries.ByCode(Map.Gazetteer.CountryOfNuts(code)) is null)
        {
            errors.Add(new(nameof(ClusterOrganisation.NutsCode), T["{0} is not a NUTS code the platform knows: give the code of the region from the EU's list of NUTS regions, such as RS12.", code]));
            return;
        }
        var country = f.Text(nameof(ClusterOrganisation.CountryCode))?.Trim();
        var nutsCountry = Map.Gazetteer.CountryOfNuts(code);
        if (countries.ByCode(country) is not null && !string.Equals(country, nutsCountry, StringComparison.Ordinal))
        {
            errors.Add(new(nameof(ClusterOrganisation.NutsCode), T["{0} is a region of {1}, not of {2}: give the NUTS code of a region of the profile's country.",
                code, countries.LocalisedName(nutsCountry), countries.LocalisedName(country)]));
        }
    }

    private void General(ProfileForm f, List<FormError> errors)
    {
        if (f.Value<DateOnly>(nameof(ClusterOrganisation.EstablishedOn)) is { Year: < 1800 })
        {
            errors.Add(new(nameof(ClusterOrganisation.EstablishedOn), T["Enter a date after 1800."]));
        }
        if (f.Value<DateOnly>(nameof(ClusterOrganisation.ExcellenceLabelValidUntil)) is not null && f.Value<ExcellenceLabel>(nameof(ClusterOrganisation.ExcellenceLabel)) is null or ExcellenceLabel.None)
        {
            errors.Add(new(nameof(ClusterOrganisation.ExcellenceLabelValidUntil), T["Give a validity date only with a label."]));
        }
    }

    private void Composition(ProfileForm f, List<FormError> errors)
    {
        if (f.Value<int>(nameof(ClusterOrganisation.TotalMembers)) is not { } total || total < 0)
        {
            return;
        }
        void AtMostTotal(string part, Func<int, LocalizedString> message)
        {
            if (f.Value<int>(part) is { } count && count > total)
            {
                errors.Add(new(part, message(count)));
            }
        }
        AtMostTotal(nameof(ClusterOrganisation.SmeMembers), count => T["There cannot be more SME members ({0}) than members in total ({1}).", count, total]);
        AtMostTotal(nameof(ClusterOrganisation.StartupMembers), count => T["There cannot be more start-up members ({0}) than members in total ({1}).", count, total]);
        AtMostTotal(nameof(ClusterOrganisation.LargeCompanyMembers), count => T["There cannot be more large company members ({0}) than members in total ({1}).", count, total]);
        AtMostTotal(nameof(ClusterOrganisation.ResearchOrganisationMembers),
            count => T["There cannot be more research and education members ({0}) than members in total ({1}).", count, total]);
    }

    private void Languages(List<FormError> errors, string field, string? text)
    {
        var entries = ProfileForm.SplitList(text);
        for (var i = 0; i < entries.Count; i++)
        {
            if (LanguageCodes.Find(entries[i]) is null)
            {
                errors.Add(new(field, T["Entry {0}: “{1}” is not a language we know. Write its name, such as Serbian, or its two-letter code.", i + 1, entries[i]]));
            }
        }
    }

    private void Terms(List<FormError> errors, ProfileForm f, ProfileField field, string property)
    {
        var vocabulary = Vocabulary.For(field);
        foreach (var id in f.TermIds(field))
        {
            // A retired term is no longer offered, but a profile that has it may keep it.
            if (!terms.TryGetValue(id, out var term) || term.Vocabulary != vocabulary || (term.Status == TermStatus.Retired && keptTermIds?.Contains(id) != true))
            {
                errors.Add(new(property, T["Choose from the list: one of the choices sent is not in it."]));
                return;
            }
        }
    }

    private void Countries(List<FormError> errors, string field, string? text)
    {
        var entries = ProfileForm.SplitList(text);
        for (var i = 0; i < entries.Count; i++)
        {
            if (countries.Find(entries[i]) is null)
            {
                errors.Add(new(field, T["Entry {0}: “{1}” is not a country we know. Write its name, such as Germany.", i + 1, entries[i]]));
            }
        }
    }

    private void Count(List<FormError> errors, string field, int? value)
    {
        if (value is < 0)
        {
            errors.Add(new(field, T["A number of members cannot be negative."]));
        }
        else if (value > MaxMembers)
        {
            errors.Add(new(field, T["Enter a number up to 1,000,000."]));
        }
    }

    private void Length(List<FormError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, T["Use at most {0} characters (there are {1}).", max, value.Trim().Length]));
        }
    }

    private void Lines(List<FormError> errors, string field, List<string> lines, int max)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length > max)
            {
                errors.Add(new(field, T["Line {0} is longer than {1} characters.", i + 1, max]));
            }
        }
    }

    public static bool IsWebAddress(string? value) => Links.LinkPolicy.IsWebAddress(value?.Trim());

    private void WebAddress(List<FormError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (!IsWebAddress(value))
        {
            errors.Add(new(field, T["Enter a full web address starting with https://, such as https://www.example.org."]));
        }
        Length(errors, field, value, max);
    }

    private void EmailAddress(List<FormError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > max || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new(field, T["Enter an e-mail address such as name@example.org."]));
        }
    }

    private void PhoneNumber(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var trimmed = value.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        if (!PhonePattern().IsMatch(trimmed) || digits < 6 || digits > 17)
        {
            errors.Add(new(field, T["Enter a phone number with its country code, such as +381 21 123 4567."]));
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]*$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{0,3}$")]
    private static partial Regex NutsPattern();
}

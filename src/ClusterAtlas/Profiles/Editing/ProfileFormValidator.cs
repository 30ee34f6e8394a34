using System.Net.Mail;
using System.Text.RegularExpressions;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// One thing wrong with the form: the field it belongs to (as the form names it, e.g.
/// "ManagementTeam[1].Email"), and the message in the reader's language.
/// </summary>
public sealed record FormError(string Field, string Message);

/// <summary>
/// The server's checks of a profile form, field by field, so that each message can stand next to its field.
/// Only the fields of the given steps are checked: a step saves only its own fields.
/// </summary>
public sealed partial class ProfileFormValidator(CountryList countries, IReadOnlyDictionary<int, VocabularyTerm> terms, DateOnly today, IStringLocalizer<SharedResource> T,
    IReadOnlySet<int>? keptTermIds = null)
{
    public const int MaxMarkdownLength = 20_000;
    public const int MaxMembers = 1_000_000;

    public IReadOnlyList<FormError> Validate(ProfileForm form, IEnumerable<ProfileFormStep> steps)
    {
        var errors = new List<FormError>();
        foreach (var step in steps)
        {
            switch (step.Id)
            {
                case "identity": Identity(form, errors); break;
                case "general": General(form, errors); break;
                case "focus": Focus(form, errors); break;
                case "composition": Composition(form, errors); break;
                case "strategy": Strategy(form, errors); break;
                case "cooperation": Cooperation(form, errors); break;
                case "programmes": Programmes(form, errors); break;
            }
        }
        return errors;
    }

    public IReadOnlyList<FormError> ValidateAll(ProfileForm form) => Validate(form, ProfileFormStep.All);

    private void Identity(ProfileForm f, List<FormError> errors)
    {
        if (string.IsNullOrWhiteSpace(f.Name))
        {
            errors.Add(new(nameof(f.Name), T["Enter the name of the cluster organisation."]));
        }
        Length(errors, nameof(f.Name), f.Name, 300);
        Length(errors, nameof(f.LocalName), f.LocalName, 300);
        if (!string.IsNullOrWhiteSpace(f.LocalLanguage) && !string.Equals(LanguageCodes.Find(f.LocalLanguage), f.LocalLanguage.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(nameof(f.LocalLanguage), T["Choose a language from the list."]));
        }
        Length(errors, nameof(f.Acronym), f.Acronym, 50);
        Length(errors, nameof(f.ShortDescription), f.ShortDescription, 1000);
        WebAddress(errors, nameof(f.Website), f.Website);
        EmailAddress(errors, nameof(f.Email), f.Email);
        PhoneNumber(errors, nameof(f.Phone), f.Phone);
        Length(errors, nameof(f.Street), f.Street, 200);
        Length(errors, nameof(f.Postcode), f.Postcode, 20);
        Length(errors, nameof(f.City), f.City, 200);
        if (!string.IsNullOrWhiteSpace(f.CountryCode) && countries.ByCode(f.CountryCode.Trim()) is null)
        {
            errors.Add(new(nameof(f.CountryCode), T["Choose a country from the list."]));
        }
        Length(errors, nameof(f.RegionName), f.RegionName, 200);
        if (!string.IsNullOrWhiteSpace(f.NutsCode) && !NutsPattern().IsMatch(f.NutsCode.Trim()))
        {
            errors.Add(new(nameof(f.NutsCode), T["A NUTS code is two capital letters and up to three letters or digits, such as RS12."]));
        }
        if (f.Latitude is < -90 or > 90)
        {
            errors.Add(new(nameof(f.Latitude), T["A latitude is between -90 and 90 degrees, such as 45.2671 for Novi Sad."]));
        }
        if (f.Longitude is < -180 or > 180)
        {
            errors.Add(new(nameof(f.Longitude), T["A longitude is between -180 and 180 degrees, such as 19.8335 for Novi Sad."]));
        }
        if (f.Latitude is null != f.Longitude is null)
        {
            errors.Add(new(f.Latitude is null ? nameof(f.Latitude) : nameof(f.Longitude), T["Give both the latitude and the longitude, or neither."]));
        }
    }

    private void General(ProfileForm f, List<FormError> errors)
    {
        if (f.EstablishedOn > today)
        {
            errors.Add(new(nameof(f.EstablishedOn), T["The date of establishment cannot be in the future."]));
        }
        if (f.EstablishedOn is { Year: < 1800 })
        {
            errors.Add(new(nameof(f.EstablishedOn), T["Enter a date after 1800."]));
        }
        if (f.ManagementTeamFte is < 0 or > 10_000)
        {
            errors.Add(new(nameof(f.ManagementTeamFte), T["Enter a number from 0 to 10,000."]));
        }
        if (f.ExcellenceLabelValidUntil is not null && f.ExcellenceLabel is null or ExcellenceLabel.None)
        {
            errors.Add(new(nameof(f.ExcellenceLabelValidUntil), T["Give a validity date only with a label."]));
        }
        Length(errors, nameof(f.OtherLabels), f.OtherLabels, 1000);
        Lines(errors, nameof(f.NetworkMemberships), ProfileForm.SplitLines(f.NetworkMemberships), 300);
        var entries = ProfileForm.SplitList(f.Languages);
        for (var i = 0; i < entries.Count; i++)
        {
            if (LanguageCodes.Find(entries[i]) is null)
            {
                errors.Add(new(nameof(f.Languages), T["Entry {0}: “{1}” is not a language we know. Write its English name, such as Serbian, or its two-letter code.", i + 1, entries[i]]));
            }
        }
        ForEachFilledRow(f.ManagementTeam, nameof(f.ManagementTeam), (row, prefix) =>
        {
            // Some profiles name a role without a person (ECCP pages often do): one of the two is enough.
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Role))
            {
                errors.Add(new(prefix + nameof(row.Name), T["Enter the name or the role of the team member."]));
            }
            Length(errors, prefix + nameof(row.Name), row.Name, 200);
            Length(errors, prefix + nameof(row.Role), row.Role, 200);
            EmailAddress(errors, prefix + nameof(row.Email), row.Email);
            PhoneNumber(errors, prefix + nameof(row.Phone), row.Phone);
            if (!Enum.IsDefined(row.ContactVisibility))
            {
                errors.Add(new(prefix + nameof(row.ContactVisibility), T["Choose who may see the contact details."]));
            }
        });
    }

    private void Focus(ProfileForm f, List<FormError> errors)
    {
        if (f.SectoralIndustries.Count == 0)
        {
            errors.Add(new(nameof(f.SectoralIndustries), T["Choose at least one sectoral industry."]));
        }
        Terms(errors, f, ProfileField.SectoralIndustry, nameof(f.SectoralIndustries));
        Terms(errors, f, ProfileField.EmergingIndustry, nameof(f.EmergingIndustries));
        Terms(errors, f, ProfileField.TechnologyField, nameof(f.TechnologyFields));
        Terms(errors, f, ProfileField.S3PriorityArea, nameof(f.S3PriorityAreas));
        Length(errors, nameof(f.OtherSpecialisationAreas), f.OtherSpecialisationAreas, 2000);
    }

    private void Composition(ProfileForm f, List<FormError> errors)
    {
        Count(errors, nameof(f.TotalMembers), f.TotalMembers);
        Count(errors, nameof(f.SmeMembers), f.SmeMembers);
        Count(errors, nameof(f.StartupMembers), f.StartupMembers);
        Count(errors, nameof(f.LargeCompanyMembers), f.LargeCompanyMembers);
        Count(errors, nameof(f.ResearchOrganisationMembers), f.ResearchOrganisationMembers);
        Count(errors, nameof(f.OtherEcosystemActors), f.OtherEcosystemActors);
        if (f.TotalMembers is { } total and >= 0)
        {
            if (f.SmeMembers > total)
            {
                errors.Add(new(nameof(f.SmeMembers), T["There cannot be more SME members ({0}) than members in total ({1}).", f.SmeMembers, total]));
            }
            if (f.StartupMembers > total)
            {
                errors.Add(new(nameof(f.StartupMembers), T["There cannot be more start-up members ({0}) than members in total ({1}).", f.StartupMembers, total]));
            }
            if (f.LargeCompanyMembers > total)
            {
                errors.Add(new(nameof(f.LargeCompanyMembers), T["There cannot be more large company members ({0}) than members in total ({1}).", f.LargeCompanyMembers, total]));
            }
            if (f.ResearchOrganisationMembers > total)
            {
                errors.Add(new(nameof(f.ResearchOrganisationMembers), T["There cannot be more research and education members ({0}) than members in total ({1}).", f.ResearchOrganisationMembers, total]));
            }
        }
        ForEachFilledRow(f.SupportFacilities, nameof(f.SupportFacilities), (row, prefix) =>
        {
            RequiredName(errors, prefix + nameof(row.Name), row.Name);
            Length(errors, prefix + nameof(row.Name), row.Name, 300);
            Length(errors, prefix + nameof(row.Type), row.Type, 200);
            WebAddress(errors, prefix + nameof(row.Website), row.Website);
        });
        ForEachFilledRow(f.MajorPlayers, nameof(f.MajorPlayers), (row, prefix) =>
        {
            RequiredName(errors, prefix + nameof(row.Name), row.Name);
            Length(errors, prefix + nameof(row.Name), row.Name, 300);
            Length(errors, prefix + nameof(row.Type), row.Type, 200);
            WebAddress(errors, prefix + nameof(row.Link), row.Link);
        });
    }

    private void Strategy(ProfileForm f, List<FormError> errors)
    {
        Length(errors, nameof(f.StrategyMarkdown), f.StrategyMarkdown, MaxMarkdownLength);
        Terms(errors, f, ProfileField.SupportService, nameof(f.SupportServices));
        Length(errors, nameof(f.SupportServicesMarkdown), f.SupportServicesMarkdown, MaxMarkdownLength);
    }

    private void Cooperation(ProfileForm f, List<FormError> errors)
    {
        Terms(errors, f, ProfileField.InternationalActivity, nameof(f.InternationalActivities));
        Terms(errors, f, ProfileField.EuropeanActivity, nameof(f.EuropeanActivities));
        Countries(errors, nameof(f.CountriesOutsideEurope), f.CountriesOutsideEurope);
        Countries(errors, nameof(f.CountriesInEurope), f.CountriesInEurope);
        ForEachFilledRow(f.CollaboratingClusters, nameof(f.CollaboratingClusters), (row, prefix) =>
        {
            RequiredName(errors, prefix + nameof(row.Name), row.Name);
            Length(errors, prefix + nameof(row.Name), row.Name, 300);
            if (!string.IsNullOrWhiteSpace(row.CountryCode) && countries.ByCode(row.CountryCode.Trim()) is null)
        {
                errors.Add(new(prefix + nameof(row.CountryCode), T["Choose a country from the list."]));
            }
        });
    }

    private void Programmes(ProfileForm f, List<FormError> errors)
    {
        ForEachFilledRow(f.SupportProgrammes, nameof(f.SupportProgrammes), (row, prefix) =>
        {
            RequiredName(errors, prefix + nameof(row.Name), row.Name);
            Length(errors, prefix + nameof(row.Name), row.Name, 300);
            Length(errors, prefix + nameof(row.Description), row.Description, 2000);
            WebAddress(errors, prefix + nameof(row.Link), row.Link);
        });
        ForEachFilledRow(f.SuccessStories, nameof(f.SuccessStories), (row, prefix) =>
        {
            if (string.IsNullOrWhiteSpace(row.Title))
        {
                errors.Add(new(prefix + nameof(row.Title), T["Give the story a title."]));
            }
            Length(errors, prefix + nameof(row.Title), row.Title, 300);
            Length(errors, prefix + nameof(row.Text), row.Text, 10_000);
        });
    }

    /// <summary>Runs the checks of each row that holds something (the empty rows the form offers are dropped), with its field-name prefix.</summary>
    private static void ForEachFilledRow<T>(List<T> rows, string property, Action<T, string> check) where T : IFormRow
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsEmpty)
            {
                check(rows[i], $"{property}[{i}].");
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
                errors.Add(new(field, T["Entry {0}: “{1}” is not a country we know. Write its English name, such as Germany.", i + 1, entries[i]]));
            }
        }
    }

    private void RequiredName(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, T["Enter a name, or empty the whole row to leave it out."]));
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

    private void WebAddress(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (!IsWebAddress(value))
        {
            errors.Add(new(field, T["Enter a full web address starting with https://, such as https://www.example.org."]));
        }
        Length(errors, field, value, 500);
    }

    private void EmailAddress(List<FormError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
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

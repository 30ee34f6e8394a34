using System.Globalization;
using ClusterAtlas.Links;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>The posting form as it is posted: every value as typed, checked by <see cref="Validate"/>.</summary>
public sealed class PostingForm
{
    public const int MaxDeadlineYears = 2;

    public PostingKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? CallName { get; set; }
    public string? CallProgramme { get; set; }
    public string? CallLink { get; set; }
    public List<int> Sectors { get; set; } = [];
    public List<int> Technologies { get; set; } = [];
    public List<string> TargetCountries { get; set; } = [];
    public List<string> Intents { get; set; } = [];
    /// <summary>yyyy-MM-dd, as a date input sends it.</summary>
    public string? Deadline { get; set; }

    public static PostingForm From(PartnerSearchPosting posting) => new()
    {
        Kind = posting.Kind,
        Title = posting.Title,
        Text = posting.Text,
        CallName = posting.CallName,
        CallProgramme = posting.CallProgramme,
        CallLink = posting.CallLink,
        Sectors = [.. posting.TermsOf(PostingTermField.SectoralIndustry).Select(t => t.VocabularyTermId)],
        Technologies = [.. posting.TermsOf(PostingTermField.TechnologyField).Select(t => t.VocabularyTermId)],
        TargetCountries = [.. posting.TargetCountries],
        Intents = [.. posting.Intents],
        Deadline = posting.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public DateOnly? ParsedDeadline =>
        DateOnly.TryParseExact(Deadline?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// Every problem, keyed by the field's form name ("Form.Title"), in the form's order. <paramref name="terms"/> are the
    /// vocabulary terms a posting may take (active ones, and retired ones it already has); <paramref name="today"/> is UTC.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Validate(
        IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries, DateOnly today, IStringLocalizer T)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new("Form." + field, message));

        Title = Title?.Trim();
        Text = Text?.Trim();
        CallName = Blank(CallName);
        CallProgramme = Blank(CallProgramme);
        CallLink = Blank(CallLink);
        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            Error(nameof(Kind), T["Choose what kind of partner search this is."]);
        }
        if (string.IsNullOrEmpty(Title))
        {
            Error(nameof(Title), T["Give the partner search a title."]);
        }
        else if (Title.Length > PartnerSearchPosting.MaxTitleLength)
        {
            Error(nameof(Title), T["The title is longer than {0} characters.", PartnerSearchPosting.MaxTitleLength]);
        }
        if (string.IsNullOrEmpty(Text))
        {
            Error(nameof(Text), T["Describe what you offer or look for."]);
        }
        else if (Text.Length > PartnerSearchPosting.MaxTextLength)
        {
            Error(nameof(Text), T["The description is longer than {0} characters.", PartnerSearchPosting.MaxTextLength]);
        }
        if (Kind == PostingKind.CallInterest && CallName is null)
        {
            Error(nameof(CallName), T["Name the call you are interested in."]);
        }
        if (CallName?.Length > PartnerSearchPosting.MaxCallTextLength)
        {
            Error(nameof(CallName), T["The call's name is longer than {0} characters.", PartnerSearchPosting.MaxCallTextLength]);
        }
        if (CallProgramme?.Length > PartnerSearchPosting.MaxCallTextLength)
        {
            Error(nameof(CallProgramme), T["The programme's name is longer than {0} characters.", PartnerSearchPosting.MaxCallTextLength]);
        }
        if (CallLink is not null)
        {
            if (LinkPolicy.NormaliseWebAddress(CallLink) is { } link)
            {
                CallLink = link;
            }
            else
            {
                Error(nameof(CallLink), T["The call's link must be a web address such as https://example.org/call."]);
            }
        }
        if (Kind != PostingKind.CallInterest)
        {
            // The call's details belong to an expression of interest in a call only.
            CallName = CallProgramme = CallLink = null;
        }
        Sectors = [.. Sectors.Distinct()];
        Technologies = [.. Technologies.Distinct()];
        if (Sectors.Any(id => !terms.TryGetValue(id, out var term) || term.Vocabulary != Vocabulary.SectoralIndustries))
        {
            Error(nameof(Sectors), T["Choose the sectors from the list."]);
        }
        if (Technologies.Any(id => !terms.TryGetValue(id, out var term) || term.Vocabulary != Vocabulary.TechnologyFields))
        {
            Error(nameof(Technologies), T["Choose the technology fields from the list."]);
        }
        TargetCountries = [.. TargetCountries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct()];
        if (TargetCountries.Any(c => countries.ByCode(c) is null))
        {
            Error(nameof(TargetCountries), T["Choose the target countries from the list."]);
        }
        Intents = [.. Intents.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct()];
        if (Intents.Count == 0)
        {
            Error(nameof(Intents), T["Choose at least one intent."]);
        }
        else if (Intents.Any(i => !PartnerSearchIntents.All.Contains(i)))
        {
            Error(nameof(Intents), T["Choose the intents from the list."]);
        }
        if (string.IsNullOrWhiteSpace(Deadline))
        {
            Error(nameof(Deadline), T["Give a deadline: the last day the partner search is open."]);
        }
        else if (ParsedDeadline is not { } deadline)
        {
            Error(nameof(Deadline), T["The deadline must be a date such as 2027-03-31."]);
        }
        else if (deadline < today)
        {
            Error(nameof(Deadline), T["The deadline has passed: choose today or a later day."]);
        }
        else if (deadline > today.AddYears(MaxDeadlineYears))
        {
            Error(nameof(Deadline), T["The deadline may be at most {0} years away.", MaxDeadlineYears]);
        }
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

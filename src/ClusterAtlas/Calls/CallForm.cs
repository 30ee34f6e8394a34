using System.Globalization;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>
/// A call as the platform team types it in the form, or as a CSV row gives it: every value as typed, checked by
/// <see cref="Validate"/> (whose field names the CSV import turns into its column names).
/// </summary>
public sealed class CallForm
{
    public string? Programme { get; set; }
    public string? Title { get; set; }
    public string? Identifier { get; set; }
    public string? Link { get; set; }
    /// <summary>yyyy-MM-dd, as a date input sends it.</summary>
    public string? OpensOn { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? ClosesOn { get; set; }
    /// <summary>HH:mm; empty for the end of the day.</summary>
    public string? ClosingTime { get; set; }
    /// <summary>An IANA time zone; empty for Brussels time.</summary>
    public string? TimeZone { get; set; }
    public List<string> EligibleCountries { get; set; } = [];
    public List<int> Sectors { get; set; } = [];
    public List<int> Technologies { get; set; } = [];
    public List<int> S3Areas { get; set; } = [];
    /// <summary>A number with a dot for decimals ("60000" or "1500000.50").</summary>
    public string? BudgetAmount { get; set; }
    public string? BudgetCurrency { get; set; }
    public string? BudgetText { get; set; }
    public string? Summary { get; set; }
    /// <summary>Comma-separated, as <see cref="WhatsNew.Tags.Parse"/> reads them.</summary>
    public string? Tags { get; set; }

    /// <summary>The profile fields a call's terms fill, with the form's property and the vocabulary.</summary>
    public static readonly IReadOnlyList<(ProfileField Field, string Property, string Vocabulary)> TermFields =
    [
        (ProfileField.SectoralIndustry, nameof(Sectors), Vocabulary.SectoralIndustries),
        (ProfileField.TechnologyField, nameof(Technologies), Vocabulary.TechnologyFields),
        (ProfileField.S3PriorityArea, nameof(S3Areas), Vocabulary.S3PriorityAreas),
    ];

    public List<int> TermsOf(ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => Sectors,
        ProfileField.TechnologyField => Technologies,
        _ => S3Areas,
    };

    public static CallForm From(FundingCall call)
    {
        var closes = CallDates.Local(call.ClosesAt, call.ClosingTimeZone);
        return new()
        {
            Programme = call.Programme,
            Title = call.Title,
            Identifier = call.Identifier,
            Link = call.Link,
            OpensOn = call.OpensOn is { } opens ? CallDates.IsoDate(opens) : null,
            ClosesOn = CallDates.IsoDate(DateOnly.FromDateTime(closes.DateTime)),
            ClosingTime = closes.ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZone = call.ClosingTimeZone,
            EligibleCountries = [.. call.EligibleCountries],
            Sectors = [.. call.TermsOf(ProfileField.SectoralIndustry).Select(t => t.VocabularyTermId)],
            Technologies = [.. call.TermsOf(ProfileField.TechnologyField).Select(t => t.VocabularyTermId)],
            S3Areas = [.. call.TermsOf(ProfileField.S3PriorityArea).Select(t => t.VocabularyTermId)],
            BudgetAmount = call.BudgetAmount?.ToString(CultureInfo.InvariantCulture),
            BudgetCurrency = call.BudgetCurrency,
            BudgetText = call.BudgetText,
            Summary = call.Summary,
            Tags = string.Join(", ", call.Tags),
        };
    }

    /// <summary>
    /// Every problem as (property, message), in the form's order. <paramref name="terms"/> are the terms a call may take
    /// (active ones, and retired ones it already has). Values are normalised in place (trimmed, the link made absolute).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Validate(IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries, IStringLocalizer T)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field, message));
        void Length(string field, string? value, int max)
        {
            if (value?.Length > max)
            {
                Error(field, T["This is longer than {0} characters.", max]);
            }
        }

        Programme = Blank(Programme);
        Title = Blank(Title);
        Identifier = Blank(Identifier);
        Link = Blank(Link);
        OpensOn = Blank(OpensOn);
        ClosesOn = Blank(ClosesOn);
        ClosingTime = Blank(ClosingTime);
        TimeZone = Blank(TimeZone) ?? FundingCall.DefaultTimeZone;
        BudgetAmount = Blank(BudgetAmount);
        BudgetCurrency = Blank(BudgetCurrency)?.ToUpperInvariant();
        BudgetText = Blank(BudgetText);
        Summary = Blank(Summary);
        if (Programme is null)
        {
            Error(nameof(Programme), T["Name the programme, such as Horizon Europe or Interreg."]);
        }
        Length(nameof(Programme), Programme, FundingCall.MaxProgrammeLength);
        if (Title is null)
        {
            Error(nameof(Title), T["Give the call's title."]);
        }
        Length(nameof(Title), Title, FundingCall.MaxTitleLength);
        Length(nameof(Identifier), Identifier, FundingCall.MaxIdentifierLength);
        if (Link is null)
        {
            Error(nameof(Link), T["Give the link to the call's page at the programme."]);
        }
        else if (LinkPolicy.NormaliseWebAddress(Link) is { } link)
        {
            Link = link;
        }
        else
        {
            Error(nameof(Link), T["The link must be a web address such as https://example.org/call."]);
        }
        var opens = CallDates.ParseDate(OpensOn);
        if (OpensOn is not null && opens is null)
        {
            Error(nameof(OpensOn), T["The date must be a date such as 2027-03-31."]);
        }
        var closes = CallDates.ParseDate(ClosesOn);
        if (ClosesOn is null)
        {
            Error(nameof(ClosesOn), T["Give the closing date."]);
        }
        else if (closes is null)
        {
            Error(nameof(ClosesOn), T["The date must be a date such as 2027-03-31."]);
        }
        else if (opens is not null && opens > closes)
        {
            Error(nameof(ClosesOn), T["The call closes before it opens."]);
        }
        if (ClosingTime is not null && CallDates.ParseTime(ClosingTime) is null)
        {
            Error(nameof(ClosingTime), T["The time must be a time such as 17:00."]);
        }
        if (CallDates.Zone(TimeZone) is null)
        {
            Error(nameof(TimeZone), T["Give the time zone as its name in the time zone database, such as Europe/Brussels."]);
        }
        EligibleCountries = [.. EligibleCountries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct()];
        if (EligibleCountries.Any(c => countries.ByCode(c) is null))
        {
            Error(nameof(EligibleCountries), T["Choose the countries from the list."]);
        }
        foreach (var (field, property, vocabulary) in TermFields)
        {
            var chosen = TermsOf(field);
            var distinct = chosen.Distinct().ToList();
            chosen.Clear();
            chosen.AddRange(distinct);
            if (chosen.Any(id => !terms.TryGetValue(id, out var term) || term.Vocabulary != vocabulary))
            {
                Error(property, T["Choose the terms from the list."]);
            }
        }
        if (BudgetAmount is not null)
        {
            if (!decimal.TryParse(BudgetAmount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount >= 1_000_000_000_000m)
            {
                Error(nameof(BudgetAmount), T["The amount must be a positive number such as 60000 or 1500000.50, without separators."]);
            }
            if (BudgetCurrency is null)
            {
                Error(nameof(BudgetCurrency), T["Give the currency of the amount, such as EUR."]);
            }
        }
        if (BudgetCurrency is not null && (BudgetCurrency.Length != 3 || !BudgetCurrency.All(char.IsAsciiLetterUpper)))
        {
            Error(nameof(BudgetCurrency), T["The currency must be a three-letter code such as EUR."]);
        }
        Length(nameof(BudgetText), BudgetText, FundingCall.MaxBudgetTextLength);
        if (Summary is null)
        {
            Error(nameof(Summary), T["Summarise the call: what it funds and who may apply."]);
        }
        Length(nameof(Summary), Summary, FundingCall.MaxSummaryLength);
        if (!WhatsNew.Tags.WithinLimits(WhatsNew.Tags.Parse(Tags)))
        {
            Error(nameof(Tags), T["At most {0} tags of at most {1} characters each.", WhatsNew.Tags.MaxCount, WhatsNew.Tags.MaxLength]);
        }
        return errors;
    }

    /// <summary>Writes the checked values onto the call (its slug and dates of adding are the editor's).</summary>
    public void ApplyTo(FundingCall call)
    {
        var zone = CallDates.Zone(TimeZone)!;
        call.Programme = Programme!;
        call.Title = Title!;
        call.Identifier = Identifier;
        call.Link = Link!;
        call.OpensOn = CallDates.ParseDate(OpensOn);
        call.ClosingTimeZone = zone.Id;
        call.ClosesAt = CallDates.Instant(CallDates.ParseDate(ClosesOn)!.Value, CallDates.ParseTime(ClosingTime) ?? CallDates.EndOfDay, zone);
        call.EligibleCountries = [.. EligibleCountries];
        call.BudgetAmount = BudgetAmount is null ? null : decimal.Parse(BudgetAmount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        call.BudgetCurrency = BudgetCurrency;
        call.BudgetText = BudgetText;
        call.Summary = Summary!;
        call.Tags = [.. WhatsNew.Tags.Parse(Tags)];
        var wanted = TermFields.SelectMany(f => TermsOf(f.Field).Select((id, order) => (f.Field, id, order))).ToList();
        call.Terms.RemoveAll(t => !wanted.Any(w => w.Field == t.Field && w.id == t.VocabularyTermId));
        foreach (var (field, id, order) in wanted)
        {
            if (call.Terms.FirstOrDefault(t => t.Field == field && t.VocabularyTermId == id) is { } kept)
            {
                kept.SortOrder = order;
            }
            else
            {
                call.Terms.Add(new CallTerm { Field = field, VocabularyTermId = id, SortOrder = order });
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using ClusterAtlas.Profiles;

namespace ClusterAtlas.Calls;

/// <summary>
/// An open call or funding opportunity (Horizon Europe, the Single Market Programme, Interreg, a national scheme),
/// entered by the platform team or imported from CSV. Its status follows from its dates (<see cref="CallStatus"/>).
/// </summary>
public class FundingCall
{
    public const int MaxSlugLength = 100;
    public const int MaxProgrammeLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxIdentifierLength = 100;
    public const int MaxSummaryLength = 20_000;
    public const int MaxBudgetTextLength = 200;
    public const string DefaultTimeZone = "Europe/Brussels";

    public int Id { get; set; }

    /// <summary>Set once from the title; it never changes, so links to the call keep working.</summary>
    public required string Slug { get; set; }
    public required string Programme { get; set; }
    public required string Title { get; set; }
    /// <summary>The programme's own identifier ("HORIZON-CL4-2027-01"), if it has one; an import finds the call by it.</summary>
    public string? Identifier { get; set; }
    /// <summary>The call's page at the programme, under the link policy; an import finds the call by it when there is no identifier.</summary>
    public required string Link { get; set; }

    /// <summary>The first day applications are taken (in <see cref="ClosingTimeZone"/>); null when it is open already.</summary>
    public DateOnly? OpensOn { get; set; }
    /// <summary>The deadline as an instant (UTC); shown in <see cref="ClosingTimeZone"/>.</summary>
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>The IANA time zone the programme states its deadline in (by default Brussels time).</summary>
    public string ClosingTimeZone { get; set; } = DefaultTimeZone;

    /// <summary>ISO 3166-1 alpha-2 codes of the countries whose applicants are eligible; empty when the call names none.</summary>
    public List<string> EligibleCountries { get; set; } = [];
    /// <summary>Sectors, technology fields and S3 areas, terms of the profiles' vocabularies.</summary>
    public List<CallTerm> Terms { get; set; } = [];

    public decimal? BudgetAmount { get; set; }
    /// <summary>ISO 4217 code of <see cref="BudgetAmount"/>.</summary>
    public string? BudgetCurrency { get; set; }
    /// <summary>The budget in words when an amount does not say it ("up to EUR 60,000 per project").</summary>
    public string? BudgetText { get; set; }

    /// <summary>Markdown, shown without raw HTML and with links under the link policy.</summary>
    public required string Summary { get; set; }
    /// <summary>Tag slugs (<see cref="WhatsNew.Tags"/>).</summary>
    public List<string> Tags { get; set; } = [];

    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IEnumerable<CallTerm> TermsOf(ProfileField field) => Terms.Where(t => t.Field == field).OrderBy(t => t.SortOrder);

    public CallStatus StatusAt(DateTimeOffset now) => CallDates.Status(OpensOn, ClosesAt, ClosingTimeZone, now);
}

namespace ClusterAtlas.Calls;

/// <summary>The columns of the calls' CSV layout (docs/calls-csv.md), each with the form property it fills.</summary>
public static class CallCsvColumns
{
    /// <summary>Several values in one cell are joined with this.</summary>
    public const string Separator = "; ";

    public static readonly IReadOnlyList<(string Column, string Property, bool Required)> All =
    [
        ("programme", nameof(CallForm.Programme), true),
        ("title", nameof(CallForm.Title), true),
        ("identifier", nameof(CallForm.Identifier), false),
        ("link", nameof(CallForm.Link), true),
        ("opens", nameof(CallForm.OpensOn), false),
        ("closes", nameof(CallForm.ClosesOn), true),
        ("closing_time", nameof(CallForm.ClosingTime), false),
        ("time_zone", nameof(CallForm.TimeZone), false),
        ("eligible_countries", nameof(CallForm.EligibleCountries), false),
        ("sectors", nameof(CallForm.Sectors), false),
        ("technology_fields", nameof(CallForm.Technologies), false),
        ("s3_areas", nameof(CallForm.S3Areas), false),
        ("budget_amount", nameof(CallForm.BudgetAmount), false),
        ("budget_currency", nameof(CallForm.BudgetCurrency), false),
        ("budget_text", nameof(CallForm.BudgetText), false),
        ("summary", nameof(CallForm.Summary), true),
        ("tags", nameof(CallForm.Tags), false),
    ];

    public static string ColumnOf(string property) => All.FirstOrDefault(c => c.Property == property).Column ?? property;

    /// <summary>The values of a multi-value cell ("Serbia; Croatia"), trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> Values(string cell) =>
        cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

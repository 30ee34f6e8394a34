namespace ClusterAtlas.Calls;

/// <summary>A call as lists show it, with what the filters, the full text and the ranking need (terms by id and label).</summary>
public sealed record CallSummary(
    int Id, string Slug, string Title, string Programme, string? Identifier, DateOnly? OpensOn, DateTimeOffset ClosesAt, string ClosingTimeZone,
    DateTimeOffset AddedAt, IReadOnlyList<string> EligibleCountries, IReadOnlyList<CallSummaryTerm> Terms, IReadOnlyList<string> Tags, string Excerpt)
{
    public CallStatus StatusAt(DateTimeOffset now) => CallDates.Status(OpensOn, ClosesAt, ClosingTimeZone, now);

    public IEnumerable<CallSummaryTerm> TermsOf(Profiles.ProfileField field) => Terms.Where(t => t.Field == field);

    /// <summary>The values of one facet that this call has (terms by their stored label, countries by code).</summary>
    public IReadOnlyList<string> ValuesOf(string facet) => facet switch
    {
        CallQuery.Programme => [Programme],
        CallQuery.Sector => [.. TermsOf(Profiles.ProfileField.SectoralIndustry).Select(t => t.Label)],
        CallQuery.Technology => [.. TermsOf(Profiles.ProfileField.TechnologyField).Select(t => t.Label)],
        CallQuery.S3Area => [.. TermsOf(Profiles.ProfileField.S3PriorityArea).Select(t => t.Label)],
        CallQuery.Country => EligibleCountries,
        _ => [],
    };
}

public sealed record CallSummaryTerm(Profiles.ProfileField Field, int Id, string Vocabulary, string Label);

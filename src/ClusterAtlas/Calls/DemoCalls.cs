using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Calls;

/// <summary>
/// Sample calls for a fresh start, dated from today so that most are open and one is forthcoming and one closed. Each
/// says in its summary that it is sample data; their identifiers and links are fictitious (example.org).
/// </summary>
public sealed class DemoCalls(ClusterAtlasDbContext db, CallEditor editor)
{
    private sealed record Template(string Programme, string Title, string? Identifier, int OpensInDays, int ClosesInDays, string? Time,
        string[] Countries, string[] Sectors, string[] Technologies, string[] S3Areas, string? Amount, string? BudgetText, string Summary, string Tags);

    private static readonly Template[] Templates =
    [
        new("Horizon Europe", "Digital and emerging technologies for competitiveness and fit for the green deal", "HORIZON-CL4-SAMPLE-01", -30, 75, "17:00",
            [], ["Production Technology and Heavy Machinery", "Automotive"], ["Embedded Systems and Real Time Systems", "Information Technology/Informatics"], ["Advanced manufacturing systems"], "6000000", null,
            "Research and innovation actions on industrial AI and robotics for manufacturing value chains. Consortia of at least three partners from three member states or associated countries.", "digitalisation, green deal"),
        new("Single Market Programme", "Cluster cooperation for resilient supply chains", "SMP-COSME-SAMPLE-02", -10, 40, null,
            ["RS", "DE", "AT", "HU", "HR", "SI"], ["Metalworking Technology", "Automotive", "Transportation and Logistics"], ["Machining (turning, drilling, moulding, planing, cutting)"], ["Advanced manufacturing systems"], null, "up to EUR 60,000 per project",
            "Support for cluster organisations that help their SMEs find suppliers in other countries. Cascade funding of up to EUR 60,000 per SME consortium.", "supply chains, smes"),
        new("Interreg Danube Region", "Smart specialisation in the Danube region: joint pilot actions", "DRP-SAMPLE-03", -5, 20, "14:00",
            ["RS", "HU", "RO", "BG", "HR", "AT", "SK"], ["Food Processing and Manufacturing", "Agricultural Inputs and Services"], ["Food Processing", "Crop Production"], ["Sustainable agriculture", "Food, beverage & tobacco products"], "1500000", null,
            "Transnational pilot actions of clusters, universities and regional authorities on their smart specialisation priorities.", "interreg, s3"),
        new("National", "Innovation vouchers for cluster members", null, -60, 120, null,
            ["RS"], ["Information Technology and Analytical Instruments", "Metalworking Technology"], ["Computer Software"], ["Computer programming, consultancy & related activities"], "10000", "per voucher",
            "Vouchers for SMEs that buy research or testing services from universities and institutes.", "vouchers"),
        new("Horizon Europe", "Circular economy pilots in construction", "HORIZON-CL6-SAMPLE-05", 20, 140, "17:00",
            [], ["Construction Products and Services", "Environmental Services"], [], ["Resource efficiency", "Sustainable production & consumption"], "4000000", null,
            "Innovation actions demonstrating circular building materials at scale. Opens in a few weeks.", "circular economy, green deal"),
        new("Single Market Programme", "Euroclusters for the textile ecosystem", "SMP-SAMPLE-06", -120, -15, null,
            [], ["Textile Manufacturing", "Apparel"], ["Finisher related to Textiles Technology"], ["Textiles, wearing apparel & leather & related products"], null, "up to EUR 200,000 per project",
            "Support for cross-border cluster partnerships in textiles. This sample call has closed.", "textiles"),
    ];

    /// <summary>Adds the sample calls when there are no calls yet; returns how many it added.</summary>
    public async Task<int> AddAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (await db.Set<FundingCall>().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Status == TermStatus.Active).ToListAsync(cancellationToken);
        List<int> Find(string vocabulary, string[] labels) =>
            [.. labels.Select(l => terms.FirstOrDefault(t => t.Vocabulary == vocabulary && t.MatchKey == TextFolding.MatchKey(l))).OfType<VocabularyTerm>().Select(t => t.Id)];
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (template, index) in Templates.Select((t, i) => (t, i)))
        {
            var form = new CallForm
            {
                Programme = template.Programme,
                Title = template.Title,
                Identifier = template.Identifier,
                Link = $"https://calls.example.org/sample-{index + 1}",
                OpensOn = CallDates.IsoDate(today.AddDays(template.OpensInDays)),
                ClosesOn = CallDates.IsoDate(today.AddDays(template.ClosesInDays)),
                ClosingTime = template.Time,
                TimeZone = FundingCall.DefaultTimeZone,
                EligibleCountries = [.. template.Countries],
                Sectors = Find(Vocabulary.SectoralIndustries, template.Sectors),
                Technologies = Find(Vocabulary.TechnologyFields, template.Technologies),
                S3Areas = Find(Vocabulary.S3PriorityAreas, template.S3Areas),
                BudgetAmount = template.Amount,
                BudgetCurrency = template.Amount is null ? null : "EUR",
                BudgetText = template.BudgetText,
                Summary = template.Summary + "\n\n*Sample data: this call is fictitious.*",
                Tags = template.Tags,
            };
            await editor.AddAsync(form, slugs, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Templates.Length;
    }
}

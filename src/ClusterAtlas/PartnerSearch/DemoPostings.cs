using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// Open partner searches of sample profiles, so that a fresh start shows what partner search is for rather than an
/// empty list. Each says in its text that it is sample data; they go with their profiles (`demo-data --remove`).
/// </summary>
public sealed class DemoPostings(ClusterAtlasDbContext db, TimeProvider clock)
{
    private static readonly (PostingKind Kind, string Title, string Text, string[] Intents)[] Templates =
    [
        (PostingKind.CooperationOffer, "Pilot line for {0} open to SMEs from abroad",
            "Our members run a pilot line for {0} and offer test slots to SMEs from other countries. We help with the application and the logistics.", [PartnerSearchIntents.Partnering, PartnerSearchIntents.Supplying]),
        (PostingKind.CooperationRequest, "Looking for a partner cluster in {0}",
            "We want to build a long-term cooperation with a cluster organisation working on {0}: joint matchmaking, staff exchange and a common stand at a trade fair.", [PartnerSearchIntents.Partnering]),
        (PostingKind.CallInterest, "Consortium for a call on {0}",
            "We are forming a consortium to answer a call on {0} and look for two or three cluster organisations that bring companies from their regions.", [PartnerSearchIntents.Research, PartnerSearchIntents.Partnering]),
        (PostingKind.EventParticipants, "Companies wanted for a B2B day on {0}",
            "Our B2B matchmaking day on {0} has places for companies from abroad. Tell us which of your members would come.", [PartnerSearchIntents.Buying, PartnerSearchIntents.Supplying]),
        (PostingKind.CooperationRequest, "Training partners for skills in {0}",
            "We plan an upskilling programme for the workforce of our member companies in {0} and look for training providers and clusters with similar programmes.", [PartnerSearchIntents.Training]),
    ];

    /// <summary>Adds up to <paramref name="count"/> open postings when there are none yet; returns how many it added.</summary>
    public async Task<int> AddAsync(int count, int seed, CancellationToken cancellationToken)
    {
        if (count <= 0 || await db.Set<PartnerSearchPosting>().AnyAsync(cancellationToken))
        {
            return 0;
        }
        var random = new Random(seed);
        var profiles = await db.ClusterOrganisations.AsNoTracking()
            .Where(p => p.IsSampleData && p.Status == ProfileStatus.Published)
            .OrderBy(p => p.Id)
            .Take(count * 4)
            .AsSplitQuery()
            .Select(p => new
            {
                p.Id,
                p.CountryCode,
                Sectors = p.Terms.Where(t => t.Field == ProfileField.SectoralIndustry).OrderBy(t => t.SortOrder).Select(t => new { t.VocabularyTermId, t.Term.Label }).ToList(),
                Technologies = p.Terms.Where(t => t.Field == ProfileField.TechnologyField).OrderBy(t => t.SortOrder).Select(t => t.VocabularyTermId).ToList(),
                Targets = p.CountriesInEurope,
            })
            .ToListAsync(cancellationToken);
        var withSectors = profiles.Where(p => p.Sectors.Count > 0).OrderBy(_ => random.Next()).Take(count).ToList();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var profile in withSectors)
        {
            var template = Templates[random.Next(Templates.Length)];
            var sector = profile.Sectors[0];
            var subject = sector.Label.ToLowerInvariant();
            var posting = new PartnerSearchPosting
            {
                ProfileId = profile.Id,
                AuthorName = "Sample data",
                Kind = template.Kind,
                Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Title, subject),
                Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Text, subject)
                    + "\n\n*Sample data: this partner search and its cluster organisation are fictitious.*",
                Intents = [.. template.Intents],
                TargetCountries = [.. profile.Targets.Take(3)],
                Deadline = today.AddDays(random.Next(21, 150)),
                CreatedAt = now.AddDays(-random.Next(0, 30)),
                UpdatedAt = now,
            };
            if (template.Kind == PostingKind.CallInterest)
            {
                posting.CallName = $"Cluster cooperation on {subject}";
                posting.CallProgramme = "Single Market Programme";
            }
            posting.Terms.Add(new PostingTerm { Field = PostingTermField.SectoralIndustry, VocabularyTermId = sector.VocabularyTermId, SortOrder = 0 });
            foreach (var (technology, order) in profile.Technologies.Take(2).Select((t, i) => (t, i)))
            {
                posting.Terms.Add(new PostingTerm { Field = PostingTermField.TechnologyField, VocabularyTermId = technology, SortOrder = order });
            }
            db.Add(posting);
        }
        await db.SaveChangesAsync(cancellationToken);
        return withSectors.Count;
    }
}

using System.Globalization;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Realistic, clearly fictitious profiles for demonstrations and benchmarks. Every one is marked as sample data;
/// names are built from invented place names (never those of real organisations); countries, vocabulary terms and
/// sizes are spread the way real profiles are (a few big countries and common sectors, many small ones).
/// Deterministic for a given seed.
/// </summary>
public sealed partial class DemoDataGenerator(ClusterAtlasDbContext db, ProfileWrites writes, Map.ProfileLocator locator, Caching.CacheEviction cache)
{
    public const int BatchSize = 5000;

    /// <summary>The seed of the command line's default and of the first start's sample profiles.</summary>
    public const int DefaultSeed = 2026;

    private static readonly (string Code, double Weight)[] CountryWeights =
    [
        ("ES", 12), ("FR", 10), ("IT", 9), ("DE", 9), ("PL", 5), ("RO", 4), ("PT", 4), ("BE", 3), ("AT", 3), ("NL", 3), ("SE", 3),
        ("FI", 2), ("DK", 2), ("CZ", 2), ("HU", 2), ("BG", 2), ("GR", 2), ("HR", 2), ("SI", 2), ("RS", 2), ("TR", 2), ("GB", 2),
        ("SK", 1), ("LT", 1), ("LV", 1), ("EE", 1), ("IE", 1), ("NO", 1), ("UA", 1), ("BA", 1), ("MK", 1), ("ME", 1), ("AL", 1),
        ("CH", 1), ("IS", .5), ("CY", .5), ("MT", .5), ("LU", .5), ("MD", .5), ("AM", .5), ("XK", .5),
    ];

    private static readonly string[] PlaceStarts = ["Val", "Kes", "Mor", "Tal", "Bren", "Cor", "Dra", "Elv", "Fen", "Gal", "Hald", "Isk", "Jor", "Kal", "Lor", "Mir", "Nor", "Orv", "Pel", "Quen", "Ros", "Sil", "Tor", "Ulm", "Ven", "Wyn", "Zar", "Ast", "Bel", "Cast"];
    private static readonly string[] PlaceEnds = ["mora", "trin", "dale", "vik", "heim", "ava", "ora", "ridge", "stad", "polis", "ano", "ezia", "ovo", "ice", "burg", "ford", "ene", "ith", "ara", "esk"];
    private static readonly string[] Forms = ["{place} {sector} Cluster", "{sector} Cluster of {place}", "{place} {sector} Network", "{place} Innovation Cluster for {sector}", "{sector} Alliance {place}", "{place} {sector} Hub"];
    private static readonly string[] StrategyPool =
    [
        "We strengthen the competitiveness of our members through joint innovation projects and shared infrastructure.",
        "We connect small and medium-sized enterprises with universities and research centres to speed up technology transfer.",
        "Our priority is the digital and green transition of the value chain, from design to recycling.",
        "We open international markets for our members through trade missions, fairs and partnerships with clusters abroad.",
        "We develop skills: training programmes, apprenticeships and upskilling for the workforce of the sector.",
        "We attract investment and talent to the region and promote its industrial strengths.",
        "We support start-ups and scale-ups with mentoring, access to finance and pilot customers.",
        "We represent the interests of the sector towards regional and national authorities.",
        "Sustainability and resource efficiency guide our roadmap, with measurable targets for energy and materials.",
        "We foster cross-sectoral collaboration with creative industries, logistics and digital services.",
    ];

    /// <summary>
    /// Deletes every sample profile (and with it its rows, terms, revisions and index entries) in one transaction;
    /// profiles that are not sample data are not touched. Returns how many were deleted.
    /// </summary>
    public async Task<int> RemoveAllAsync(CancellationToken cancellationToken)
    {
        await using var write = await writes.BeginAsync(cancellationToken);
        var ids = await db.ClusterOrganisations.Where(p => p.IsSampleData).Select(p => p.Id).ToListAsync(cancellationToken);
        // Links to the samples go with them: the profiles they linked from are matched again (a text proposed between
        // a sample and another profile may now name that one alone), read before the links are gone.
        var linkingToSamples = await db.Set<Network.NetworkLink>().Where(l => l.PartnerProfile.IsSampleData && !l.Profile.IsSampleData)
            .Select(l => l.ProfileId).Distinct().ToListAsync(cancellationToken);
        var deleted = await db.ClusterOrganisations.Where(p => p.IsSampleData).ExecuteDeleteAsync(cancellationToken);
        // Indexing a deleted profile removes its entry.
        write.Wrote(ids);
        write.Wrote(linkingToSamples);
        await write.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> GenerateAsync(int count, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Status == TermStatus.Active).ToListAsync(cancellationToken);
        var termById = terms.ToDictionary(t => t.Id);
        // Each vocabulary in a fixed random order of popularity (the files are alphabetical).
        var shuffle = new Random(seed + 1);
        List<VocabularyTerm> Of(string vocabulary) => [.. terms.Where(t => t.Vocabulary == vocabulary).OrderBy(t => t.SortOrder).OrderBy(_ => shuffle.Next())];
        var sectors = Of(Vocabulary.SectoralIndustries);
        var emerging = Of(Vocabulary.EmergingIndustries);
        var technologies = Of(Vocabulary.TechnologyFields);
        var s3 = Of(Vocabulary.S3PriorityAreas);
        var services = Of(Vocabulary.SupportServices);
        var activities = Of(Vocabulary.CooperationActivities);
        var roles = Of(Vocabulary.ManagementRoles).Select(t => t.Label).ToArray();
        var takenSlugs = (await db.ClusterOrganisations.Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var countryTotal = CountryWeights.Sum(c => c.Weight);
        var allCountries = CountryList.Load().All.Select(c => c.Code).ToArray();

        // Written with prepared commands rather than EF's change tracker, whose batched inserts slowed down with
        // every batch on SQLite (5 s, then 15 s per 5,000 profiles); the rows are EF's own mapping all the same.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var created = 0;
        var firstId = await BulkInsert.NextIdAsync<ClusterOrganisation>(db, cancellationToken);
        try
        {
            while (created < count)
            {
                var batch = new List<ClusterOrganisation>(BatchSize);
                for (var i = 0; i < Math.Min(BatchSize, count - created); i++)
                {
                    batch.Add(NewProfile());
                }
                await using var write = await writes.BeginAsync(cancellationToken);
                write.DeferNetworkMatching();
                await InsertBatchAsync(batch, write.At, cancellationToken);
                foreach (var term in batch.SelectMany(p => p.Terms))
                {
                    term.Term = termById[term.VocabularyTermId]; // for the search text
                }
                write.WroteLoaded(batch);
                await write.CommitAsync(cancellationToken);
                created += batch.Count;
                progress?.Report(created);
            }
            await AddModelCollaborationsAsync(firstId, seed, cancellationToken);
            await using (var matching = await writes.BeginAsync(cancellationToken))
            {
                matching.MatchWholeNetwork();
                await matching.CommitAsync(cancellationToken);
            }
            await BulkInsert.ResetIdentityAsync<ClusterOrganisation>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<ManagementTeamMember>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<CollaboratingCluster>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<SupportProgramme>(db, cancellationToken);
            await BulkInsert.ResetIdentityAsync<SuccessStory>(db, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return created;

        ClusterOrganisation NewProfile()
        {
            var place = Pick(PlaceStarts) + Pick(PlaceEnds);
            var mainSector = Zipf(sectors);
            var sectorWord = ShortName(mainSector.Label);
            var name = Pick(Forms).Replace("{place}", place, StringComparison.Ordinal).Replace("{sector}", sectorWord, StringComparison.Ordinal);
            var slug = TextFolding.Slug(name);
            for (var n = 2; !takenSlugs.Add(slug); n++)
            {
                name = $"{name.Split(" #")[0]} #{n}";
                slug = TextFolding.Slug(name);
            }
            var country = WeightedCountry();
            var total = (int)Math.Clamp(Math.Round(Math.Exp(random.NextDouble() * 3.2 + 2.7)), 8, 1500);
            var sme = (int)(total * (0.45 + random.NextDouble() * 0.4));
            var research = Math.Max(1, (int)(total * random.NextDouble() * 0.12));
            var large = Math.Max(0, (int)(total * random.NextDouble() * 0.1));
            var published = DateTimeOffset.UtcNow.AddDays(-random.Next(1, 5 * 365)).AddMinutes(-random.Next(0, 1440));
            var profile = new ClusterOrganisation
            {
                Name = name,
                Slug = slug,
                Acronym = random.NextDouble() < 0.4 ? new string([.. name.Split(' ').Where(w => w.Length > 2 && char.IsUpper(w[0])).Select(w => w[0])]) : null,
                CountryCode = country,
                RegionName = random.NextDouble() < 0.85 ? $"{Pick(["Region of", "Province of", "County of", ""])} {Pick(PlaceStarts)}{Pick(PlaceEnds)}".Trim() : null,
                City = place,
                EstablishedOn = new DateOnly(random.Next(1990, 2024), random.Next(1, 13), random.Next(1, 29)),
                ManagementTeamFte = Math.Round((decimal)(0.5 + random.NextDouble() * 10), 1),
                ExcellenceLabel = random.NextDouble() switch { < 0.04 => ExcellenceLabel.Gold, < 0.12 => ExcellenceLabel.Silver, < 0.28 => ExcellenceLabel.Bronze, < 0.5 => ExcellenceLabel.None, _ => null },
                TotalMembers = random.NextDouble() < 0.9 ? total : null,
                SmeMembers = sme,
                StartupMembers = (int)(sme * random.NextDouble() * 0.3),
                LargeCompanyMembers = large,
                ResearchOrganisationMembers = research,
                OtherEcosystemActors = random.Next(0, 12),
                StrategyMarkdown = string.Join("\n", Enumerable.Range(1, random.Next(2, 5)).Select(n => $"{n}. {Pick(StrategyPool)}")),
                HasFormalisedStrategy = random.NextDouble() switch { < 0.7 => true, < 0.85 => false, _ => null },
                HasInternationalisationFocus = random.NextDouble() switch { < 0.6 => true, < 0.8 => false, _ => null },
                SupportServicesMarkdown = $"We offer our members {Pick(["matchmaking", "training", "project development", "market intelligence", "joint procurement"])} and {Pick(["trade missions", "innovation vouchers advice", "testing facilities", "mentoring", "EU funding support"])}.",
                Languages = ["en"],
                NetworkMemberships = random.NextDouble() < 0.4 ? ["Enterprise Europe Network"] : [],
                CountriesInEurope = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => WeightedCountry()).Where(c => c != country).Distinct()],
                CountriesOutsideEurope = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(allCountries)).Distinct()],
                Status = ProfileStatus.Published,
                PublishedAt = published,
                IsSampleData = true,
                Source = "demo-data",
            };
            FillFromSchema(profile, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = name, ["slug"] = slug, ["place"] = place, ["sector"] = mainSector.Label.ToLowerInvariant(),
                ["members"] = total.ToString(CultureInfo.InvariantCulture),
            });
            // Bulk inserts pass by EF's save, so the point is found here (an invented city: the country's point).
            locator.Apply(profile);
            profile.ManagementTeam.Add(new ManagementTeamMember { Role = roles.Length > 0 ? roles[0] : "Cluster Manager", Phone = "+00 555 0100", Email = $"manager@{slug}.example.org", SortOrder = 0 });
            for (var c = 0; c < random.Next(0, 4); c++)
            {
                profile.CollaboratingClusters.Add(new CollaboratingCluster { Name = $"{Pick(PlaceStarts)}{Pick(PlaceEnds)} {ShortName(Zipf(sectors).Label)} Cluster", CountryCode = WeightedCountry(), SortOrder = c });
            }
            if (random.NextDouble() < 0.6)
            {
                profile.SupportProgrammes.Add(new SupportProgramme { Name = $"{sectorWord} Excellence Programme", Description = $"A programme to raise the innovation capacity of {sectorWord.ToLowerInvariant()} companies.", Level = SupportProgrammeLevel.RegionalOrNational });
            }
            if (random.NextDouble() < 0.5)
            {
                profile.SuccessStories.Add(new SuccessStory { Title = $"Joint {sectorWord.ToLowerInvariant()} pilot line", Text = $"Members of {name} opened a shared pilot line used by {random.Next(5, 40)} companies." });
            }
            var order = 0;
            void AddTerms(ProfileField field, IEnumerable<VocabularyTerm> chosen)
            {
                foreach (var term in chosen.DistinctBy(t => t.Id))
                {
                    profile.Terms.Add(new ProfileTerm { Field = field, VocabularyTermId = term.Id, SortOrder = order++ });
                }
            }
            AddTerms(ProfileField.SectoralIndustry, [mainSector, .. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Zipf(sectors))]);
            AddTerms(ProfileField.EmergingIndustry, Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(emerging)));
            AddTerms(ProfileField.TechnologyField, Enumerable.Range(0, random.Next(0, 4)).Select(_ => Zipf(technologies)));
            AddTerms(ProfileField.S3PriorityArea, Enumerable.Range(0, random.Next(0, 3)).Select(_ => Zipf(s3)));
            AddTerms(ProfileField.SupportService, Enumerable.Range(0, random.Next(2, 6)).Select(_ => Pick(services)));
            AddTerms(ProfileField.InternationalActivity, random.NextDouble() < 0.5 ? [Pick(activities)] : []);
            AddTerms(ProfileField.EuropeanActivity, random.NextDouble() < 0.6 ? [Pick(activities)] : []);
            return profile;
        }

        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        // Earlier entries are more common, as a few sectors hold most clusters.
        VocabularyTerm Zipf(List<VocabularyTerm> items) => items[Math.Min(items.Count - 1, (int)(items.Count * Math.Pow(random.NextDouble(), 2.2)))];

        string WeightedCountry()
        {
            var roll = random.NextDouble() * countryTotal;
            foreach (var (code, weight) in CountryWeights)
            {
                roll -= weight;
                if (roll <= 0)
                {
                    return code;
                }
            }
            return CountryWeights[0].Code;
        }
    }

    private async Task InsertBatchAsync(List<ClusterOrganisation> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profileId = await BulkInsert.NextIdAsync<ClusterOrganisation>(db, cancellationToken);
        var teamId = await BulkInsert.NextIdAsync<ManagementTeamMember>(db, cancellationToken);
        var partnerId = await BulkInsert.NextIdAsync<CollaboratingCluster>(db, cancellationToken);
        var programmeId = await BulkInsert.NextIdAsync<SupportProgramme>(db, cancellationToken);
        var storyId = await BulkInsert.NextIdAsync<SuccessStory>(db, cancellationToken);
        var parentOf = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var profile in batch)
        {
            profile.Id = profileId++;
            profile.CreatedAt = now;
            profile.UpdatedAt = now;
            foreach (var member in profile.ManagementTeam) { member.Id = teamId++; parentOf[member] = profile.Id; }
            foreach (var partner in profile.CollaboratingClusters) { partner.Id = partnerId++; parentOf[partner] = profile.Id; }
            foreach (var programme in profile.SupportProgrammes) { programme.Id = programmeId++; parentOf[programme] = profile.Id; }
            foreach (var story in profile.SuccessStories) { story.Id = storyId++; parentOf[story] = profile.Id; }
            foreach (var term in profile.Terms) { term.ClusterOrganisationId = profile.Id; }
        }
        object? Parent(object row, string property) => property == "ClusterOrganisationId" ? parentOf[row] : null;
        await BulkInsert.InsertAsync(db, batch, null, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(p => p.ManagementTeam), Parent, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(p => p.CollaboratingClusters), Parent, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(p => p.SupportProgrammes), Parent, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(p => p.SuccessStories), Parent, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(p => p.Terms), null, cancellationToken);
    }

    /// <summary>
    /// Collaborations between the sample profiles from the documented generative model (Network/CollaborationModel),
    /// written as members write them: the partner's name, sometimes in lower case, without accents, with its acronym in
    /// parentheses, or the acronym alone, so the matcher has real work; added after the invented partners each profile has.
    /// </summary>
    private async Task AddModelCollaborationsAsync(int firstId, int seed, CancellationToken cancellationToken)
    {
        var profiles = await db.ClusterOrganisations.AsNoTracking().Where(p => p.IsSampleData && p.Id >= firstId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Acronym, p.CountryCode, p.CountriesInEurope, p.CountriesOutsideEurope, p.TotalMembers, p.ExcellenceLabel })
            .ToListAsync(cancellationToken);
        if (profiles.Count < 2)
        {
            return;
        }
        // The new profiles are the ids from firstId on: a range, not a list (100,000 ids are more than SQLite's parameters).
        var terms = (await db.Set<ProfileTerm>().AsNoTracking().Where(t => t.ClusterOrganisationId >= firstId)
            .Select(t => new { t.ClusterOrganisationId, t.Field, t.VocabularyTermId }).ToListAsync(cancellationToken)).ToLookup(t => t.ClusterOrganisationId);
        var sectorIds = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == Vocabulary.SectoralIndustries)
            .ToDictionaryAsync(t => t.Label, t => t.Id, cancellationToken);
        var features = profiles.Select(p =>
        {
            int[] Of(ProfileField field) => [.. terms[p.Id].Where(t => t.Field == field).Select(t => t.VocabularyTermId).Distinct()];
            return new Network.ClusterFeatures(Of(ProfileField.SectoralIndustry), Of(ProfileField.TechnologyField), Of(ProfileField.S3PriorityArea),
                Of(ProfileField.EmergingIndustry), p.CountryCode, [.. p.CountriesInEurope.Concat(p.CountriesOutsideEurope).Distinct()], p.TotalMembers,
                p.ExcellenceLabel is ExcellenceLabel.Bronze or ExcellenceLabel.Silver or ExcellenceLabel.Gold);
        }).ToList();
        var graph = new Network.RecommenderGraph(features, [.. features.Select(_ => Array.Empty<int>())], Network.ValueChains.Neighbours(sectorIds));
        var statements = Network.CollaborationModel.Generate(graph, seed);
        var random = new Random(seed + 2);
        var existing = (await db.Set<CollaboratingCluster>().AsNoTracking().Where(c => EF.Property<int>(c, "ClusterOrganisationId") >= firstId)
            .Select(c => EF.Property<int>(c, "ClusterOrganisationId")).ToListAsync(cancellationToken)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var nextId = await BulkInsert.NextIdAsync<CollaboratingCluster>(db, cancellationToken);
        var parentOf = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var rows = new List<CollaboratingCluster>(statements.Count);
        foreach (var (from, to) in statements)
        {
            var partner = profiles[to];
            var order = existing.GetValueOrDefault(profiles[from].Id);
            existing[profiles[from].Id] = order + 1;
            var row = new CollaboratingCluster { Id = nextId++, Name = AsWritten(partner.Name, partner.Acronym), CountryCode = partner.CountryCode, SortOrder = order };
            parentOf[row] = profiles[from].Id;
            rows.Add(row);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await BulkInsert.InsertAsync(db, chunk, (row, property) => property == "ClusterOrganisationId" ? parentOf[row] : null, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        cache.Evict(Caching.ContentTags.Profiles); // bulk rows the change tracker never saw

        string AsWritten(string name, string? acronym) => random.NextDouble() switch
        {
            < 0.55 => name,
            < 0.7 => name.ToLowerInvariant(),
            < 0.8 when acronym is { Length: >= 2 } => $"{name} ({acronym})",
            < 0.85 when acronym is { Length: >= 3 } => acronym,
            < 0.9 => $"{name}, legally represented by {Pick(PlaceStarts)}{Pick(PlaceEnds)} Development Agency",
            _ => name.Replace(" Cluster", " Clustre", StringComparison.Ordinal),
        };
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }

    private static string ShortName(string label)
    {
        var first = label.Split([',', '(', '/'])[0].Replace(" and ", " & ", StringComparison.Ordinal).Trim();
        return first.Length > 40 ? first[..40].TrimEnd() : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(first.ToLowerInvariant());
    }

    /// <summary>
    /// The plain text fields whose schema entry gives a demo template (<see cref="ProfileSchemaField.Demo"/>): a field
    /// added to the schema with one is generated without a change here. No random draw, so a seed gives the same profiles.
    /// </summary>
    private static void FillFromSchema(ClusterOrganisation profile, Dictionary<string, string> words)
    {
        foreach (var field in ProfileSchema.Fields.Where(f => f.Demo is not null && f.IsPlain && f.PlainType == typeof(string)))
        {
            if (ProfileSchemaField.HasValue(field.EntityValue(profile)))
            {
                continue;
            }
            var text = DemoPlaceholder().Replace(field.Demo!, m => words.TryGetValue(m.Groups[1].Value, out var word) ? word : m.Value);
            field.SetEntityValue(profile, field.MaxLength is { } max && text.Length > max ? text[..max] : text);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)\}")]
    private static partial System.Text.RegularExpressions.Regex DemoPlaceholder();
}

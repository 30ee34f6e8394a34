using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Creates or updates a profile from a saved ECCP profile page (either layout, as text or HTML), idempotently by slug,
/// or by website when no profile has the page's slug. The page is parsed completely before anything is written, and
/// the write is one transaction: a malformed page leaves the database as it was. A dry run does all of it, reports what
/// would change, and rolls the transaction back (its scope's change tracker is then stale: use a scope per dry run).
/// </summary>
public sealed class EccpProfileImporter(ClusterAtlasDbContext db, CountryList countries, ProfileWrites writes, TimeProvider clock)
{
    /// <summary>Imports a saved page file, read as UTF-8 or, failing that, in the legacy code page it was saved in (<see cref="EccpPageText"/>).</summary>
    public Task<ImportReport> ImportFileAsync(byte[] bytes, string sourceName, ProfileStatus status, bool replace, CancellationToken cancellationToken,
        bool dryRun = false, bool deferNetworkMatching = false) =>
        ImportAsync(EccpPageText.Decode(bytes, sourceName), sourceName, status, cancellationToken, replace, dryRun, deferNetworkMatching);

    /// <summary>
    /// Creates the profile, or updates it. A profile its members maintain on the platform (it has administrators, or edits
    /// by members) is replaced only with <paramref name="replace"/>, and then, like any edit, with a revision the moderators
    /// see in their feed; otherwise the import is refused and nothing is written. With <paramref name="deferNetworkMatching"/>
    /// the profile's collaborations are not matched in the write: the report names the profile for one matching after a
    /// run of pages (<see cref="ProfileWrites.MatchNetworkOfAsync"/>).
    /// </summary>
    public async Task<ImportReport> ImportAsync(string text, string sourceName, ProfileStatus status, CancellationToken cancellationToken, bool replace = false,
        bool dryRun = false, bool deferNetworkMatching = false)
    {
        var parsed = new EccpProfilePageParser(countries).Parse(text, sourceName);
        var report = parsed.Report;
        ImportLengthLimits.Check(db, parsed, text, sourceName);

        await using var write = await writes.BeginAsync(cancellationToken);
        if (deferNetworkMatching)
        {
            write.DeferNetworkMatching();
        }
        var vocabularyTerms = await db.VocabularyTerms.ToListAsync(cancellationToken);
        var termsByKey = vocabularyTerms.ToDictionary(t => (t.Vocabulary, t.MatchKey));
        // Other spellings (old names, merged proposals) find their term; a label always wins over an alias.
        foreach (var term in vocabularyTerms)
        {
            foreach (var alias in term.Aliases)
            {
                termsByKey.TryAdd((term.Vocabulary, TextFolding.MatchKey(alias)), term);
            }
        }

        var profile = await db.ClusterOrganisations.WithContent().SingleOrDefaultAsync(p => p.Slug == parsed.Profile.Slug, cancellationToken);
        if (profile is null && parsed.Profile.Website is { } website)
        {
            // The same cluster under another name (renamed, or named in another language) is known by its website, when only one profile has it.
            var sameWebsite = await db.ClusterOrganisations.WithContent().Where(p => p.Website == website).Take(2).ToListAsync(cancellationToken);
            if (sameWebsite.Count == 1)
            {
                profile = sameWebsite[0];
                report.Slug = profile.Slug;
                report.MatchedByWebsite = true;
            }
        }
        report.Created = profile is null;
        ProfileForm? before = null;
        if (profile is not null)
        {
            var maintained = await db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == profile.Id, cancellationToken)
                || await db.ProfileRevisions.AnyAsync(r => r.ClusterOrganisationId == profile.Id && r.AuthorUserId != null, cancellationToken);
            if (maintained && !replace)
            {
                throw new ProfileImportRefusedException(sourceName,
                    $"/cluster-organisations/{profile.Slug} is maintained by its members on the platform, and importing would replace their edits. "
                    + "Nothing was changed; to replace their version with the page's, import again with --replace (a revision records it for the moderators)");
            }
            before = ProfileForm.From(profile, countries).Normalised();
        }
        if (profile is null)
        {
            profile = parsed.Profile;
            profile.Status = status;
            db.ClusterOrganisations.Add(profile);
        }
        else
        {
            profile.ReplaceContentWith(parsed.Profile);
            profile.Source = parsed.Profile.Source;
        }

        var wanted = new List<(ProfileField Field, VocabularyTerm Term)>();
        foreach (var reference in parsed.Terms)
        {
            var vocabulary = Vocabulary.For(reference.Field);
            var key = TextFolding.MatchKey(reference.Label);
            var fieldName = FieldLabel(reference.Field);
            if (key.Length == 0)
            {
                report.NotPlaced(fieldName, reference.Label, reference.Line, "no letters or digits");
                continue;
            }
            if (termsByKey.TryGetValue((vocabulary, key), out var term) && term.Status != TermStatus.Proposed)
            {
                report.Took(fieldName, term.Label, reference.Line);
            }
            else
            {
                if (term is null)
                {
                    term = new VocabularyTerm { Vocabulary = vocabulary, Label = reference.Label.Trim(), MatchKey = key, Status = TermStatus.Proposed, SortOrder = int.MaxValue };
                    db.VocabularyTerms.Add(term);
                    termsByKey[(vocabulary, key)] = term;
                }
                report.Proposed(fieldName, reference.Label, reference.Line);
            }
            if (!wanted.Any(w => w.Field == reference.Field && w.Term == term))
            {
                wanted.Add((reference.Field, term));
            }
        }
        // New terms need their ids before the profile can refer to them.
        await db.SaveChangesAsync(cancellationToken);

        profile.Terms.RemoveAll(existing => !wanted.Any(w => w.Field == existing.Field && w.Term.Id == existing.VocabularyTermId));
        for (var i = 0; i < wanted.Count; i++)
        {
            var (field, term) = wanted[i];
            var existing = profile.Terms.FirstOrDefault(t => t.Field == field && t.VocabularyTermId == term.Id);
            if (existing is null)
            {
                profile.Terms.Add(new ProfileTerm { Field = field, VocabularyTermId = term.Id, Term = term, SortOrder = i });
            }
            else
            {
                existing.SortOrder = i;
            }
        }
        if (profile.Status == ProfileStatus.Published)
        {
            profile.PublishedAt ??= clock.GetUtcNow();
        }
        var after = ProfileForm.From(profile, countries).Normalised();
        var changes = (await writes.DiffAsync(cancellationToken)).Compare(before ?? new ProfileForm(), after);
        report.Changes = changes;
        if (dryRun)
        {
            report.DryRun = true;
            await write.RollbackAsync(cancellationToken);
            return report;
        }
        if (before is null)
        {
            write.Wrote(profile);
        }
        else
        {
            // An update is a save like any other: who (the import), when, and the content before and after.
            write.Revise(profile, before, after, changes, new RevisionAuthor(null, $"Import of {sourceName}"), RevisionKind.Edited);
        }
        await write.CommitAsync(cancellationToken);
        report.LeftUnmatched = write.LeftUnmatched;
        if (before is null && profile.Status == ProfileStatus.Published)
        {
            report.PublishedProfileId = profile.Id;
        }
        return report;
    }

    public static string FieldLabel(ProfileField field) => field switch
    {
        ProfileField.SectoralIndustry => "sectoral industries",
        ProfileField.EmergingIndustry => "emerging industries",
        ProfileField.TechnologyField => "technology fields",
        ProfileField.S3PriorityArea => "S3 EU priority areas",
        ProfileField.SupportService => "support services",
        ProfileField.InternationalActivity => "international activities",
        ProfileField.EuropeanActivity => "activities in Europe",
        _ => field.ToString(),
    };
}

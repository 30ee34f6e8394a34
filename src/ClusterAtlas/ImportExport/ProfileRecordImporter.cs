using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Imports profiles in the API's JSON shape (from the JSON export, or CSV rows read as JSON): each record creates a
/// profile or updates the one with its slug (else the one with its website), through <see cref="ProfileWrites"/> like
/// every write. A record is checked as the form checks a profile (the link policy, the length limits, the ranges);
/// a value that does not pass is left out and reported, a record without a name is skipped. A profile its members
/// maintain is replaced only when asked (like the ECCP import). Each record is its own transaction, or, for a dry run
/// and all-or-nothing, the whole run is one that is rolled back (a dry run, or a bad record) or committed. Records in
/// their own transactions leave the matching of collaborations to one matching after the last (not one per record).
/// Members whose saved directory searches find the profiles it created published are told once the run is written,
/// as after a publication by a moderator.
/// </summary>
public sealed partial class ProfileRecordImporter(ClusterAtlasDbContext db, CountryList countries, ProfileWrites writes, Map.ProfileLocator locator,
    Notifications.SavedSearches savedSearches, TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    /// <summary>Compares versions of a profile for its revisions, naming terms by label.</summary>
    private ProfileDiff? _diff;

    /// <summary>Profiles created published by the records not yet committed.</summary>
    private readonly List<ClusterOrganisation> _createdPublished = [];

    public async Task<ProfileImportRun> ImportAsync(IReadOnlyList<ProfileRecord> records, ProfileImportOptions options, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var run = new ProfileImportRun(options);
        var published = new List<int>();
        var unmatched = new List<int>();
        _createdPublished.Clear();
        var oneTransaction = options.DryRun || options.AllOrNothing;
        var shared = oneTransaction ? await writes.BeginAsync(cancellationToken) : null;
        try
        {
            var terms = await ProfileImportTerms.LoadAsync(db, cancellationToken);
            _diff = await writes.DiffAsync(cancellationToken);
            for (var i = 0; i < records.Count; i++)
            {
                progress?.Report(i);
                var record = records[i];
                if (record.Value is null)
                {
                    run.Add(new(record, ProfileImportOutcome.Skipped, null, [], new ImportReport(), record.Error));
                    continue;
                }
                var write = shared ?? await writes.BeginAsync(cancellationToken);
                try
                {
                    if (shared is null)
                    {
                        write.DeferNetworkMatching();
                    }
                    var result = await ImportOneAsync(record, record.Value, write, terms, options, cancellationToken);
                    run.Add(result);
                    if (shared is null && !result.IsBad)
                    {
                        await write.CommitAsync(cancellationToken);
                        published.AddRange(_createdPublished.Select(p => p.Id));
                        unmatched.AddRange(write.LeftUnmatched);
                    }
                }
                catch (DbUpdateException error)
                {
                    run.Add(new(record, ProfileImportOutcome.Skipped, null, [], new ImportReport(), "the database refused it: " + (error.InnerException ?? error).Message));
                    if (shared is not null)
                    {
                        break;
                    }
                    db.ChangeTracker.Clear();
                    terms = await ProfileImportTerms.LoadAsync(db, cancellationToken);
                }
                finally
                {
                    if (shared is null)
                    {
                        _createdPublished.Clear();
                        await write.DisposeAsync();
                        // Each record on its own: what the last one loaded is not kept.
                        db.ChangeTracker.Clear();
                    }
                }
            }
            progress?.Report(records.Count);
            if (shared is not null)
            {
                if (options.DryRun || run.HasBadRecords)
                {
                    await shared.RollbackAsync(cancellationToken);
                }
                else
                {
                    await shared.CommitAsync(cancellationToken);
                    published.AddRange(_createdPublished.Select(p => p.Id));
                    run.Written = true;
                }
            }
            else
            {
                run.Written = true;
            }
        }
        finally
        {
            if (shared is not null)
            {
                await shared.DisposeAsync();
                db.ChangeTracker.Clear();
            }
            _createdPublished.Clear();
        }
        await savedSearches.NotifyMatchingProfilesAsync(published, cancellationToken);
        // After the members are told: the matching may take a while, and if it is stopped the network's check does it.
        await writes.MatchNetworkOfAsync(unmatched, cancellationToken);
        return run;
    }

    private async Task<ProfileRecordResult> ImportOneAsync(ProfileRecord record, JsonObject json, ProfileWrite write, ProfileImportTerms terms,
        ProfileImportOptions options, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        ProfileRecordResult Bad(ProfileImportOutcome outcome, string why, string? slug = null) => new(record, outcome, slug, [], report, why);

        var slug = ProfileExportColumn.Scalar(json["slug"])?.Trim();
        var slugLimit = db.Model.FindEntityType(typeof(ClusterOrganisation))!.FindProperty(nameof(ClusterOrganisation.Slug))!.GetMaxLength() ?? 200;
        if (slug is not null && (!SlugPattern().IsMatch(slug) || slug.Length > slugLimit))
        {
            report.NotPlaced("slug", slug, record.Line, $"a slug is lower-case letters, digits and hyphens, at most {slugLimit} characters; the profile is matched and named by its name instead");
            slug = null;
        }
        var profile = slug is null ? null : await db.ClusterOrganisations.WithContent().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (profile is null && LinkPolicy.NormaliseWebAddress(ProfileExportColumn.Scalar(json["website"])) is { } website)
        {
            var alike = new[] { website, website.TrimEnd('/'), website.TrimEnd('/') + "/" };
            var ids = await db.ClusterOrganisations.Where(p => p.Website != null && alike.Contains(p.Website)).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            if (ids is [var id])
            {
                profile = await db.ClusterOrganisations.WithContent().SingleAsync(p => p.Id == id, cancellationToken);
                report.Took("website", website, record.Line);
            }
        }
        if (profile is not null && !options.Replace && await IsMaintainedAsync(profile.Id, cancellationToken))
        {
            return Bad(ProfileImportOutcome.Refused,
                $"/cluster-organisations/{profile.Slug} is maintained by its members on the platform, and importing would replace their edits; "
                + "to replace their version with this record, import again with --replace (a revision records it for the moderators)", profile.Slug);
        }

        var form = profile is null ? new ProfileForm() : ProfileForm.From(profile, countries);
        var reader = new ProfileRecordReader(terms, report, record.Line);
        reader.Read(json, form, profile);
        LeaveComputedPointToTheMap(form);
        var validator = new ProfileFormValidator(countries, terms.ById, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), T, reader.TermIds);
        LeaveOutWhatDoesNotPass(validator, form, report, record.Line);
        var name = ProfileForm.Clean(form.Text(nameof(ClusterOrganisation.Name)));
        if (name is null)
        {
            return Bad(ProfileImportOutcome.Skipped, "the profile has no name (\"name\")", profile?.Slug);
        }

        // The record is accepted: from here on the database is written (in the write's transaction).
        var termLabelLimit = db.Model.FindEntityType(typeof(VocabularyTerm))!.FindProperty(nameof(VocabularyTerm.Label))!.GetMaxLength() ?? 300;
        foreach (var (field, label, path) in reader.NewTerms)
        {
            if (label.Length > termLabelLimit)
            {
                report.NotPlaced(path, label, record.Line, $"a term's label has at most {termLabelLimit} characters");
                continue;
            }
            var term = terms.Find(field, label);
            if (term is null)
            {
                term = new VocabularyTerm { Vocabulary = Vocabulary.For(field), Label = label, MatchKey = TextFolding.MatchKey(label), Status = TermStatus.Proposed, SortOrder = int.MaxValue };
                db.VocabularyTerms.Add(term);
                await db.SaveChangesAsync(cancellationToken);
                terms.Add(term);
                // Revisions name terms by label: the new one too.
                _diff = await writes.DiffAsync(cancellationToken);
            }
            report.Proposed(path, label, record.Line);
            var ids = form.TermIds(field);
            if (!ids.Contains(term.Id))
            {
                ids.Add(term.Id);
            }
        }

        ProfileImportOutcome outcome;
        IReadOnlyList<string> changed;
        if (profile is null)
        {
            profile = new ClusterOrganisation
            {
                Slug = await FreeSlugAsync(slug ?? TextFolding.Slug(name), cancellationToken),
                Name = name,
                Status = options.Status,
                Source = options.SourceTag,
                IsSampleData = json["sampleData"] is JsonValue sample && sample.TryGetValue<bool>(out var isSample) && isSample,
            };
            form.ApplyTo(profile, countries);
            if (profile.Status == ProfileStatus.Published)
            {
                profile.PublishedAt = DateTimeOffset.TryParse(ProfileExportColumn.Scalar(json["publishedAt"]), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var publishedAt) ? publishedAt : clock.GetUtcNow();
            }
            db.ClusterOrganisations.Add(profile);
            write.Wrote(profile);
            if (profile.Status == ProfileStatus.Published)
            {
                _createdPublished.Add(profile);
            }
            (outcome, changed) = (ProfileImportOutcome.Created, []);
        }
        else
        {
            var before = ProfileForm.From(profile, countries).Normalised();
            form.ApplyTo(profile, countries);
            var after = ProfileForm.From(profile, countries).Normalised();
            var changes = _diff!.Compare(before, after);
            write.Revise(profile, before, after, changes, new RevisionAuthor(null, $"Import of {record.Source}"), RevisionKind.Edited);
            (outcome, changed) = (changes.Count == 0 ? ProfileImportOutcome.Unchanged : ProfileImportOutcome.Updated, [.. changes.Select(c => c.Property)]);
        }
        await write.SaveAsync(cancellationToken);
        return new ProfileRecordResult(record, outcome, profile.Slug, changed, report);
    }

    /// <summary>
    /// The form's checks, as for an edit: each value they refuse is left out and reported with the check's message; a
    /// field they find missing stays empty (an import may be incomplete, as a draft is), the name aside.
    /// </summary>
    private static void LeaveOutWhatDoesNotPass(ProfileFormValidator validator, ProfileForm form, ImportReport report, int line)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            var changed = false;
            foreach (var error in validator.ValidateAll(form))
            {
                var (field, row) = Locate(form, error.Field);
                var target = row ?? form;
                if (field is null || field.Group is not null || !ProfileSchemaField.HasValue(field.FormValue(target)))
                {
                    continue;
                }
                report.NotPlaced(JsonPath(error.Field), Shown(field.FormValue(target)), line, error.Message);
                field.SetFormValue(target, field.FormValue(target) is List<int> ? new List<int>() : null);
                changed = true;
            }
            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>The schema field (and the form's row) that an error names, as "Website" or "ManagementTeam[1].Email".</summary>
    private static (ProfileSchemaField? Field, object? Row) Locate(ProfileForm form, string key)
    {
        var match = RowKeyPattern().Match(key);
        if (!match.Success)
        {
            return (ProfileSchema.Find(key), null);
        }
        var group = ProfileSchema.Find(match.Groups[1].Value);
        var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rows = group?.FormValue(form) as System.Collections.IList;
        var rowField = group?.Group?.Fields.FirstOrDefault(f => f.Name == match.Groups[3].Value);
        return rows is not null && index < rows.Count && rowField is not null ? (rowField, rows[index]) : (null, null);
    }

    /// <summary>The form's key as the JSON names it: "ManagementTeam[1].Email" is "managementTeam[1].email".</summary>
    private static string JsonPath(string key) =>
        string.Join('.', key.Split('.').Select(part => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(part)));

    private static string Shown(object? value) => value switch
    {
        null => "",
        List<int> ids => string.Join(", ", ids),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Coordinates that are where the address puts the profile anyway (the export shows the map's point) are left to
    /// the map, which keeps following the address; others are taken as set by hand.
    /// </summary>
    private void LeaveComputedPointToTheMap(ProfileForm form)
    {
        if (form.Value<double>(nameof(ClusterOrganisation.Latitude)) is { } latitude
            && form.Value<double>(nameof(ClusterOrganisation.Longitude)) is { } longitude
            && locator.Locate(form.Text(nameof(ClusterOrganisation.CountryCode)), form.Text(nameof(ClusterOrganisation.City)),
                form.Text(nameof(ClusterOrganisation.RegionName)), form.Text(nameof(ClusterOrganisation.NutsCode))) is { } point
            && Math.Abs(point.Latitude - latitude) < 1e-9 && Math.Abs(point.Longitude - longitude) < 1e-9)
        {
            form[nameof(ClusterOrganisation.Latitude)] = null;
            form[nameof(ClusterOrganisation.Longitude)] = null;
        }
    }

    private async Task<bool> IsMaintainedAsync(int profileId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == profileId, cancellationToken)
        || await db.ProfileRevisions.AnyAsync(r => r.ClusterOrganisationId == profileId && r.AuthorUserId != null, cancellationToken);

    private async Task<string> FreeSlugAsync(string wanted, CancellationToken cancellationToken)
    {
        var slug = wanted.Length == 0 ? "cluster-organisation" : wanted;
        for (var n = 2; await db.ClusterOrganisations.AnyAsync(p => p.Slug == slug, cancellationToken); n++)
        {
            slug = $"{wanted}-{n}";
        }
        return slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(\w+)\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowKeyPattern();
}

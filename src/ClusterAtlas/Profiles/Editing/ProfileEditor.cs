using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles.Logos;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// The profile editor's saves: one step of the form, merged with what others saved meanwhile, the logo, a new draft,
/// the submission. Each is written through <see cref="ProfileWrites"/> (one transaction with the revision and the
/// search index; the directory is refreshed after the commit). Callers check authorisation first
/// (<see cref="ProfileAuthorization.MayEditAsync"/>).
/// </summary>
public sealed class ProfileEditor(ClusterAtlasDbContext db, CountryList countries, ProfileWrites writes, TimeProvider clock,
    IStringLocalizer<SharedResource> T)
{
    public CountryList Countries => countries;

    /// <summary>The profile, tracked, with everything the form edits.</summary>
    public Task<ClusterOrganisation?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.ClusterOrganisations.WithContent().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    public Task<ClusterOrganisation?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.ClusterOrganisations.WithContent().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public ProfileForm FormOf(ClusterOrganisation profile) => ProfileForm.From(profile, countries);

    /// <summary>The vocabulary terms, for the form's choices and the validator.</summary>
    public async Task<IReadOnlyDictionary<int, VocabularyTerm>> TermsAsync(CancellationToken cancellationToken) =>
        await db.VocabularyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);

    /// <summary>The form's validator; with <paramref name="profile"/>, the retired terms it already has stay valid choices.</summary>
    public async Task<ProfileFormValidator> ValidatorAsync(CancellationToken cancellationToken, ClusterOrganisation? profile = null) =>
        new(countries, await TermsAsync(cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), T,
            profile is null ? null : profile.Terms.Select(t => t.VocabularyTermId).ToHashSet());

    public Task<ProfileDiff> DiffAsync(CancellationToken cancellationToken) => writes.DiffAsync(cancellationToken);

    /// <summary>
    /// Saves the named fields of <paramref name="posted"/> (one step of the form) onto the stored profile. When the
    /// profile changed since the editor loaded it, the two versions are merged field by field against the one the
    /// editor started from: a field only one side changed takes that side's value; a field both changed differently
    /// is a conflict, and then nothing is written and the stored version is returned.
    /// </summary>
    public async Task<SaveOutcome> SaveFieldsAsync(ClusterOrganisation profile, ProfileForm posted, IReadOnlyCollection<string> properties,
        Guid expectedToken, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        // A save that loses a race with another (both read the same version, the other committed first) merges
        // again on top of the one that won: only a field both changed differently is a conflict.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await MergeAndSaveAsync(profile, posted, properties, expectedToken, author, cancellationToken);
            if (outcome is not SaveOutcome.Conflict { Raced: true } || attempt == MergeAttempts)
            {
                return outcome;
            }
            profile = await FindAsync(profile.Id, cancellationToken) ?? throw new InvalidOperationException("The profile was deleted while being edited.");
        }
    }

    /// <summary>Enough for every one of a few dozen simultaneous editors to win a round.</summary>
    private const int MergeAttempts = 25;

    private async Task<SaveOutcome> MergeAndSaveAsync(ClusterOrganisation profile, ProfileForm posted, IReadOnlyCollection<string> properties,
        Guid expectedToken, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var stored = FormOf(profile);
        var wanted = FormOf(profile);
        ProfileForm.CopyProperties(posted, wanted, properties);
        if (profile.ConcurrencyToken != expectedToken)
        {
            var startedFrom = await db.ProfileRevisions.AsNoTracking()
                .Where(r => r.ClusterOrganisationId == profile.Id && r.TokenAfter == expectedToken)
                .Select(r => r.AfterJson).FirstOrDefaultAsync(cancellationToken);
            if (startedFrom is null)
            {
                return new SaveOutcome.Conflict(stored, profile.ConcurrencyToken);
            }
            var diff = await DiffAsync(cancellationToken);
            var (baseline, theirs, mine) = (diff.Describe(ProfileForm.FromJson(startedFrom).Normalised()), diff.Describe(stored.Normalised()), diff.Describe(wanted.Normalised()));
            var keepTheirs = new List<string>();
            foreach (var property in properties)
            {
                var theyChanged = !theirs[property].SequenceEqual(baseline[property]);
                var iChanged = !mine[property].SequenceEqual(baseline[property]);
                if (theyChanged && iChanged && !mine[property].SequenceEqual(theirs[property]))
                {
                    return new SaveOutcome.Conflict(stored, profile.ConcurrencyToken);
                }
                if (theyChanged)
                {
                    keepTheirs.Add(property);
                }
            }
            ProfileForm.CopyProperties(stored, wanted, keepTheirs);
        }
        return await SaveAsync(profile, wanted, profile.ConcurrencyToken, author, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="logo"/> the profile's logo, or removes it (null): an edit of the form's Logo field like
    /// any other, with its revision. The file is stored in the same transaction, once per profile and content.
    /// </summary>
    public async Task<SaveOutcome> SaveLogoAsync(ClusterOrganisation profile, LogoFile? logo, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var form = FormOf(profile);
        form[ProfileForm.Logo] = logo?.Sha256;
        if (logo is not null && !await db.ProfileLogos.AnyAsync(l => l.ClusterOrganisationId == profile.Id && l.Sha256 == logo.Sha256, cancellationToken))
        {
            db.ProfileLogos.Add(new ProfileLogo
            {
                ClusterOrganisationId = profile.Id, Sha256 = logo.Sha256, ContentType = logo.ContentType, Content = logo.Content, UploadedAt = clock.GetUtcNow(),
            });
        }
        return await SaveFieldsAsync(profile, form, [ProfileForm.Logo], profile.ConcurrencyToken, author, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="after"/> as the profile's content, unless the profile changed since
    /// <paramref name="expectedToken"/> was read (then nothing is written and the stored version is returned).
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(ClusterOrganisation profile, ProfileForm after, Guid expectedToken, ClaimsPrincipal author,
        CancellationToken cancellationToken, RevisionKind kind = RevisionKind.Edited, long? revertsRevisionId = null)
    {
        if (profile.ConcurrencyToken != expectedToken)
        {
            return new SaveOutcome.Conflict(FormOf(profile), profile.ConcurrencyToken);
        }
        var before = FormOf(profile).Normalised();
        after = after.Normalised();
        var changes = (await DiffAsync(cancellationToken)).Compare(before, after);
        if (changes.Count == 0)
        {
            return new SaveOutcome.Saved(null);
        }
        await using var write = await writes.BeginAsync(cancellationToken);
        after.ApplyTo(profile, countries);
        var revision = write.Revise(profile, before, after, changes, RevisionAuthor.Of(author), kind, revertsRevisionId);
        try
        {
            await write.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: keep theirs, give ours back to the editor.
            await write.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await FindAsync(profile.Id, cancellationToken);
            return stored is null ? throw new InvalidOperationException("The profile was deleted while being edited.")
                : new SaveOutcome.Conflict(FormOf(stored), stored.ConcurrencyToken) { Raced = true };
        }
        await write.CommitAsync(cancellationToken);
        return new SaveOutcome.Saved(revision);
    }

    /// <summary>
    /// A new profile as a draft, its author its first administrator, in one transaction. The address (slug) comes
    /// from the name and stays when the name changes later, so that links keep working.
    /// </summary>
    public async Task<ClusterOrganisation> CreateDraftAsync(ProfileForm form, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var userId = author.UserId() ?? throw new InvalidOperationException("Only a signed-in member can register a profile.");
        await using var write = await writes.BeginAsync(cancellationToken);
        var profile = new ClusterOrganisation
        {
            Slug = await FreeSlugAsync(form.Text(nameof(ClusterOrganisation.Name))!, cancellationToken),
            Name = ProfileForm.Clean(form.Text(nameof(ClusterOrganisation.Name)))!,
            Status = ProfileStatus.Draft,
            Source = "registration",
        };
        form.ApplyTo(profile, countries);
        db.ClusterOrganisations.Add(profile);
        db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisation = profile, UserId = userId, AddedAt = clock.GetUtcNow() });
        write.Revise(profile, new ProfileForm(), form.Normalised(), (await DiffAsync(cancellationToken)).Compare(new ProfileForm(), form),
            RevisionAuthor.Of(author), RevisionKind.Created);
        await write.CommitAsync(cancellationToken);
        return profile;
    }

    /// <summary>Asks the validation team to publish the profile (after the caller checked the form and the criteria).</summary>
    public async Task SubmitAsync(ClusterOrganisation profile, CancellationToken cancellationToken)
    {
        await using var write = await writes.BeginAsync(cancellationToken);
        profile.Status = ProfileStatus.Submitted;
        profile.SubmittedAt = clock.GetUtcNow();
        profile.RejectionReason = null;
        write.Wrote(profile);
        await write.CommitAsync(cancellationToken);
    }

    private async Task<string> FreeSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = TextFolding.Slug(name);
        if (slug.Length == 0)
        {
            slug = "cluster-organisation";
        }
        slug = slug.Length > 180 ? slug[..180].TrimEnd('-') : slug;
        // Words the site's own routes use after /cluster-organisations/ cannot be profile addresses.
        var taken = await db.ClusterOrganisations.Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-")).Select(p => p.Slug).ToListAsync(cancellationToken);
        taken.AddRange(ReservedSlugs);
        if (!taken.Contains(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            if (!taken.Contains($"{slug}-{n}"))
            {
                return $"{slug}-{n}";
            }
        }
    }

    public static readonly IReadOnlyList<string> ReservedSlugs = ["register", "new", "search"];
}

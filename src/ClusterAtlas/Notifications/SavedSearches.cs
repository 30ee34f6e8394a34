using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Notifications;

public enum SaveSearchOutcome { Saved, NameMissing, NameTooLong, QueryInvalid, TooMany }

/// <summary>
/// Members' saved searches: kept in the form the list page reads (parsed and written again by the page's own query
/// code, without paging), matched by the list's own search: partner searches against each new posting, directory
/// searches against each newly published profile.
/// </summary>
public sealed class SavedSearches(ClusterAtlasDbContext db, PostingSearch postings, DirectorySearch directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SavedSearch>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public async Task<SaveSearchOutcome> SaveAsync(string userId, SavedSearchScope scope, string? name, string? query, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return SaveSearchOutcome.NameMissing;
        }
        if (name.Length > SavedSearch.MaxNameLength)
        {
            return SaveSearchOutcome.NameTooLong;
        }
        if (Normalise(scope, query) is not { } normalised)
        {
            return SaveSearchOutcome.QueryInvalid;
        }
        if (await db.Set<SavedSearch>().CountAsync(s => s.UserId == userId, cancellationToken) >= SavedSearch.MaxPerMember)
        {
            return SaveSearchOutcome.TooMany;
        }
        db.Add(new SavedSearch { UserId = userId, Name = name, Scope = scope, Query = normalised, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return SaveSearchOutcome.Saved;
    }

    /// <summary>Deletes one of the person's saved searches; another person's id deletes nothing.</summary>
    public Task<int> DeleteAsync(string userId, int id, CancellationToken cancellationToken) =>
        db.Set<SavedSearch>().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The query as its list page writes it (first page), or null when the page would refuse it.</summary>
    public static string? Normalise(SavedSearchScope scope, string? query)
    {
        var pairs = QueryHelpers.ParseQuery(query ?? "").Where(p => p.Key is not ("page" or "fragment")).ToList();
        string written;
        if (scope == SavedSearchScope.PartnerSearch)
        {
            var (parsed, errors) = PostingQuery.Parse(pairs);
            if (errors.Count > 0)
            {
                return null;
            }
            written = parsed.ToQueryString(page: 1);
        }
        else
        {
            var parsed = SearchQuery.Parse(pairs, Facet.All, ignoreUnknown: true);
            if (!parsed.IsValid)
            {
                return null;
            }
            written = parsed.Query.ToQueryString(page: 1);
        }
        return written.Length <= SavedSearch.MaxQueryLength ? written : null;
    }

    /// <summary>
    /// Adds a notification, to the caller's context, for each member with a saved partner search that finds the new
    /// posting (once per member, naming their first matching search); the posting's author is not told of their own.
    /// </summary>
    public async Task<int> NotifyMatchesAsync(PartnerSearchPosting posting, CancellationToken cancellationToken)
    {
        var saved = await db.Set<SavedSearch>().AsNoTracking()
            .Where(s => s.Scope == SavedSearchScope.PartnerSearch && s.UserId != posting.AuthorUserId)
            .OrderBy(s => s.UserId).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (saved.Count == 0)
        {
            return 0;
        }
        var queries = saved.Select(s => PostingQuery.Parse(QueryHelpers.ParseQuery(s.Query)).Query).ToList();
        var finds = await postings.FindsAsync(posting.Id, queries, cancellationToken);
        var now = clock.GetUtcNow();
        var told = 0;
        foreach (var match in saved.Where((_, i) => finds[i]).GroupBy(s => s.UserId, StringComparer.Ordinal))
        {
            var search = match.First();
            Notifier.Add(db, search.UserId, NotificationKind.MatchingPosting,
                new NotificationText(posting.Title, Actor: search.Name), $"/partner-search/{posting.Id}", now);
            told++;
        }
        return told;
    }

    /// <summary>
    /// Notifies, and saves, each member with a saved directory search that finds the newly published profile (once
    /// per member, naming their first matching search); its own administrators are not told. Runs after the
    /// publication's commit, when the directory's index holds the profile: the directory's own search decides.
    /// </summary>
    public Task<int> NotifyMatchingProfileAsync(int profileId, CancellationToken cancellationToken) =>
        NotifyMatchingProfilesAsync([profileId], cancellationToken);

    /// <summary>
    /// The same for profiles published together (an import): each saved search is run once, and each member is told
    /// once per profile it finds. Profiles that are not published are left out.
    /// </summary>
    public async Task<int> NotifyMatchingProfilesAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        if (profileIds.Count == 0)
        {
            return 0;
        }
        var ids = profileIds.Distinct().ToList();
        var profiles = new Dictionary<int, (string Name, string Slug)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.ClusterOrganisations.AsNoTracking()
                .Where(p => chunk.Contains(p.Id) && p.Status == ProfileStatus.Published)
                .Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(cancellationToken))
            {
                profiles[p.Id] = (p.Name, p.Slug);
            }
        }
        if (profiles.Count == 0)
        {
            return 0;
        }
        var saved = await db.Set<SavedSearch>().AsNoTracking()
            .Where(s => s.Scope == SavedSearchScope.Directory)
            .OrderBy(s => s.UserId).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (saved.Count == 0)
        {
            return 0;
        }
        var savers = saved.Select(s => s.UserId).Distinct().ToList();
        var administered = (await db.ProfileAdministrators.AsNoTracking()
                .Where(a => savers.Contains(a.UserId))
                .Select(a => new { a.UserId, a.ClusterOrganisationId }).ToListAsync(cancellationToken))
            .Where(a => profiles.ContainsKey(a.ClusterOrganisationId))
            .Select(a => (a.UserId, a.ClusterOrganisationId)).ToHashSet();
        var now = clock.GetUtcNow();
        var told = new HashSet<(string UserId, int ProfileId)>();
        foreach (var search in saved)
        {
            var parsed = SearchQuery.Parse(QueryHelpers.ParseQuery(search.Query), Facet.All, ignoreUnknown: true);
            if (!parsed.IsValid)
            {
                continue;
            }
            foreach (var entry in (await directory.MatchingWithEveryWriteAsync(parsed.Query, cancellationToken)).Entries)
            {
                if (profiles.TryGetValue(entry.Id, out var profile) && !administered.Contains((search.UserId, entry.Id)) && told.Add((search.UserId, entry.Id)))
                {
                    Notifier.Add(db, search.UserId, NotificationKind.MatchingProfile,
                        new NotificationText(profile.Name, Actor: search.Name), $"/cluster-organisations/{profile.Slug}", now);
                }
            }
        }
        if (told.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return told.Count;
    }
}

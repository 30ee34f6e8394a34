using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// Who administers a profile: adding a colleague (who must have a confirmed account, and hears of it by e-mail),
/// removing one (never the last), and handing the profile over (adding a successor and leaving in one
/// transaction). Callers check first that the user may edit the profile. Administrators are not part of the
/// profile's content: these changes leave its timestamps and concurrency token alone.
/// </summary>
public sealed class ProfileColleagues(ClusterAtlasDbContext db, UserManager<ApplicationUser> users, ColleagueMail mail, TimeProvider clock, Moderation.AuditLog audit)
{
    /// <summary>The profile without its content (enough for the header, the status and the authorisation check), or null.</summary>
    public async Task<IReadOnlyList<Colleague>> ListAsync(int profileId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.ClusterOrganisationId == profileId)
            .OrderBy(a => a.AddedAt).ThenBy(a => a.UserId)
            .Select(a => new Colleague(a.UserId, a.User.DisplayName, a.User.Email ?? "", a.AddedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The profiles <paramref name="userId"/> administers, by name.</summary>
    public async Task<IReadOnlyList<AdministeredProfile>> AdministeredByAsync(string userId, CancellationToken cancellationToken) =>
        await db.ProfileAdministrators.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ClusterOrganisation.Name).ThenBy(a => a.ClusterOrganisation.Slug)
            .Select(a => new AdministeredProfile(a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name, a.ClusterOrganisation.Status))
            .ToListAsync(cancellationToken);

    /// <summary>Makes the owner of <paramref name="email"/> an administrator of the profile and tells them by e-mail.</summary>
    public async Task<ColleagueOutcome> AddAsync(ClusterOrganisation profile, string email, ClaimsPrincipal addedBy, CancellationToken cancellationToken)
    {
        if (await FindConfirmedAsync(email) is not { } colleague)
        {
            return ColleagueOutcome.NoConfirmedAccount;
        }
        await using (var transaction = await LockAdministratorsAsync(profile.Id, cancellationToken))
        {
            if (await db.ProfileAdministrators.AnyAsync(a => a.ClusterOrganisationId == profile.Id && a.UserId == colleague.Id, cancellationToken))
            {
                return ColleagueOutcome.AlreadyAdministrator;
            }
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = colleague.Id, AddedAt = clock.GetUtcNow() });
            await audit.ColleagueAsync(Moderation.ModerationActionKind.ColleagueAdded, profile, colleague.Id, cancellationToken);
            mail.QueueAdded(colleague, profile, addedBy.NameToShow(), handedOver: false);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return ColleagueOutcome.Done;
    }

    /// <summary>Removes an administrator, unless they are the last one.</summary>
    public async Task<ColleagueOutcome> RemoveAsync(ClusterOrganisation profile, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await LockAdministratorsAsync(profile.Id, cancellationToken);
        var administrators = await db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == profile.Id).ToListAsync(cancellationToken);
        if (administrators.Find(a => a.UserId == userId) is not { } removed)
        {
            return ColleagueOutcome.NotAdministrator;
        }
        if (administrators.Count == 1)
        {
            return ColleagueOutcome.LastAdministrator;
        }
        db.ProfileAdministrators.Remove(removed);
        await audit.ColleagueAsync(Moderation.ModerationActionKind.ColleagueRemoved, profile, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ColleagueOutcome.Done;
    }

    /// <summary>
    /// Makes the owner of <paramref name="email"/> an administrator and removes <paramref name="leaving"/>, both or
    /// neither; the successor is told by e-mail.
    /// </summary>
    public async Task<ColleagueOutcome> HandOverAsync(ClusterOrganisation profile, string email, ClaimsPrincipal leaving, CancellationToken cancellationToken)
    {
        if (await FindConfirmedAsync(email) is not { } successor)
        {
            return ColleagueOutcome.NoConfirmedAccount;
        }
        await using (var transaction = await LockAdministratorsAsync(profile.Id, cancellationToken))
        {
            var administrators = await db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == profile.Id).ToListAsync(cancellationToken);
            if (administrators.Find(a => a.UserId == leaving.UserId()) is not { } own)
            {
                return ColleagueOutcome.NotAdministrator;
            }
            if (administrators.Exists(a => a.UserId == successor.Id))
            {
                return ColleagueOutcome.AlreadyAdministrator;
            }
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = successor.Id, AddedAt = clock.GetUtcNow() });
            db.ProfileAdministrators.Remove(own);
            await audit.ColleagueAsync(Moderation.ModerationActionKind.HandedOver, profile, successor.Id, cancellationToken);
            mail.QueueAdded(successor, profile, leaving.NameToShow(), handedOver: true);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return ColleagueOutcome.Done;
    }

    private async Task<ApplicationUser?> FindConfirmedAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: true } user ? user : null;

    /// <summary>
    /// Starts a transaction that first writes the profile's administrator rows (to themselves): two changes to
    /// the same profile's administrators then wait for each other, so that two colleagues removing each other at
    /// the same moment cannot leave the profile with none.
    /// </summary>
    private async Task<IDbContextTransaction> LockAdministratorsAsync(int profileId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == profileId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AddedAt, a => a.AddedAt), cancellationToken);
        return transaction;
    }
}

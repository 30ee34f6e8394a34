using System.Globalization;
using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Moderation;

/// <summary>
/// Writes entries of the audit log (<see cref="ModerationAction"/>) where things happen: an entry is added to the
/// caller's DbContext and written by its next SaveChanges, in the same transaction as the change it records. Who
/// acted is the signed-in person of the current request, or, outside any request, the command line and the
/// operating-system account that ran it.
/// </summary>
public sealed class AuditLog(ClusterAtlasDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The lengths of the columns.</summary>
    public const int MaxNameLength = 200, MaxSubjectLength = 300, MaxDetailLength = 4000;

    /// <summary>How the command line appears as the one who acted.</summary>
    public static string CommandLineActor => $"Command line ({Environment.UserName})";

    public ModerationAction Add(ModerationActionKind kind, string subject, int? profileId = null, string? detail = null, ClaimsPrincipal? actor = null)
    {
        actor ??= http.HttpContext?.User;
        var signedIn = actor?.Identity?.IsAuthenticated == true;
        var entry = new ModerationAction
        {
            At = clock.GetUtcNow(),
            ModeratorUserId = signedIn ? actor!.UserId() : null,
            ModeratorName = Shortened(signedIn ? RevisionAuthor.NameOf(actor!) : CommandLineActor, MaxNameLength),
            Action = kind,
            ClusterOrganisationId = profileId,
            ProfileName = Shortened(subject, MaxSubjectLength),
            Detail = detail is null ? null : Shortened(detail, MaxDetailLength),
        };
        db.ModerationActions.Add(entry);
        return entry;
    }

    /// <summary>A change to who administers a profile: <paramref name="colleagueUserId"/> added, removed or handed the profile to.</summary>
    public async Task ColleagueAsync(ModerationActionKind kind, ClusterOrganisation profile, string colleagueUserId, CancellationToken cancellationToken) =>
        Add(kind, profile.Name, profile.Id, (kind == ModerationActionKind.HandedOver ? "Handed over to " : "Colleague: ")
            + await AccountNameAsync(colleagueUserId, cancellationToken));

    /// <summary>A change an administrator made to an account (a role, a lock), with the reason when one was given.</summary>
    public void Account(ModerationActionKind kind, ApplicationUser account, string? detail, ClaimsPrincipal? actor = null) =>
        Add(kind, AccountName(account.DisplayName, account.Email), detail: detail, actor: actor);

    /// <summary>A profile the command-line importer created or updated, and from which file.</summary>
    public async Task ImportAsync(ImportReport report, string fileName, CancellationToken cancellationToken)
    {
        var profile = await db.ClusterOrganisations.AsNoTracking().Where(p => p.Slug == report.Slug)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return;
        }
        var problems = report.Problems.Count();
        Add(report.Created ? ModerationActionKind.ImportCreated : ModerationActionKind.ImportUpdated, profile.Name, profile.Id,
            string.Create(CultureInfo.InvariantCulture, $"From {fileName}; {problems} values not placed or proposed as new terms"));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string AccountName(string? displayName, string? email) =>
        string.IsNullOrEmpty(displayName) || displayName == email ? email ?? "" : $"{displayName} <{email}>";

    private async Task<string> AccountNameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => AccountName(u.DisplayName, u.Email)).SingleOrDefaultAsync(cancellationToken)
        ?? userId;

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

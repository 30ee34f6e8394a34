using System.Reflection;
using System.Text.Json;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>"Download my data" (GDPR art. 15 and 20): everything the platform keeps about the account, as JSON.</summary>
[Authorize]
public class PersonalDataPageModel(UserManager<ApplicationUser> users, ClusterAtlasDbContext db, TimeProvider clock) : AccountPageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var data = await CollectAsync(user, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "clusteratlas-personal-data.json");
    }

    private async Task<PersonalData> CollectAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Identity's and our [PersonalData] properties: what the account holds about the person.
        var account = typeof(ApplicationUser).GetProperties()
            .Where(p => p.IsDefined(typeof(PersonalDataAttribute)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(p => p.Name, p => p.GetValue(user));
        var profiles = await db.ProfileAdministrators
            .Where(a => a.UserId == user.Id)
            .OrderBy(a => a.AddedAt)
            .Select(a => new AdministeredProfile(a.ClusterOrganisation.Slug, a.ClusterOrganisation.Name, a.AddedAt))
            .ToListAsync(cancellationToken);
        var revisions = await db.ProfileRevisions
            .Where(r => r.AuthorUserId == user.Id)
            .OrderBy(r => r.Id)
            .Select(r => new AuthoredRevision(r.ClusterOrganisation.Slug, r.CreatedAt, r.Kind.ToString(), r.ChangedFields))
            .ToListAsync(cancellationToken);
        return new PersonalData(
            clock.GetUtcNow(),
            account,
            [.. await users.GetRolesAsync(user)],
            (await users.GetLoginsAsync(user)).Select(l => l.LoginProvider).ToList(),
            await users.CountRecoveryCodesAsync(user),
            profiles,
            revisions);
    }

    /// <summary>The shape of the downloaded file. The authenticator key and recovery codes are secrets and stay out.</summary>
    public sealed record PersonalData(
        DateTimeOffset ExportedAt,
        IReadOnlyDictionary<string, object?> Account,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> ExternalLogins,
        int RecoveryCodesLeft,
        IReadOnlyList<AdministeredProfile> AdministeredProfiles,
        IReadOnlyList<AuthoredRevision> ProfileChanges);

    public sealed record AdministeredProfile(string Slug, string Name, DateTimeOffset Since);

    /// <summary>A change the person made to a profile (the content itself is the profile's, shown on its revisions page).</summary>
    public sealed record AuthoredRevision(string Profile, DateTimeOffset At, string Kind, string ChangedFields);
}

using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

public static class PlatformTeam
{
    /// <summary>The moderators and administrators with an e-mail address, each once: who is told that something waits for review.</summary>
    public static async Task<IReadOnlyList<ApplicationUser>> ReviewersWithMailAsync(this UserManager<ApplicationUser> users) =>
        [.. (await users.GetUsersInRoleAsync(AccountRoles.Moderator))
            .Concat(await users.GetUsersInRoleAsync(AccountRoles.Administrator))
            .DistinctBy(u => u.Id)
            .Where(u => u.Email is not null)];
}

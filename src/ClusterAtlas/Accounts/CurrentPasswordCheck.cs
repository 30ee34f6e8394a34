using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>
/// The password asked again before a change that takes over an account (new password, deletion, a new authenticator,
/// new recovery codes, another e-mail address). Wrong ones are counted per account; after
/// <see cref="ThrottleRule.CurrentPassword"/>'s limit the pages refuse for a while, so that a borrowed session cannot
/// guess its way to the password.
/// </summary>
public sealed class CurrentPasswordCheck(UserManager<ApplicationUser> users, AccountThrottles throttles, ILogger<CurrentPasswordCheck> logger)
{
    public async Task<CurrentPasswordResult> CheckAsync(ApplicationUser user, string? password, string action, CancellationToken cancellationToken)
    {
        var rule = ThrottleRule.CurrentPassword;
        if (await throttles.BlockedUntilAsync(rule, user.Id, "", cancellationToken) is not null)
        {
            logger.LogWarning("Account {UserId}: {Action} refused, too many wrong current passwords", user.Id, action);
            return CurrentPasswordResult.Refused;
        }
        if (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password))
        {
            return CurrentPasswordResult.Correct;
        }
        logger.LogWarning("Account {UserId}: wrong current password on {Action}", user.Id, action);
        return await throttles.RecordFailureAsync(rule, user.Id, "", cancellationToken) ? CurrentPasswordResult.Refused : CurrentPasswordResult.Wrong;
    }
}

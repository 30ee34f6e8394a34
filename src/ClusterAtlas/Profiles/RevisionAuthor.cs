using System.Security.Claims;
using ClusterAtlas.Accounts;

namespace ClusterAtlas.Profiles;

/// <summary>Who saved a profile: a member (with their account) or a process such as an import (by name only).</summary>
public sealed record RevisionAuthor(string? UserId, string Name)
{
    public static RevisionAuthor Of(ClaimsPrincipal user) => new(user.UserId(), NameOf(user));

    /// <summary>The name shown for a signed-in user in revisions and the audit log: the display name and the address.</summary>
    public static string NameOf(ClaimsPrincipal user)
    {
        var name = user.NameToShow();
        var email = user.Identity?.Name;
        return name == email || string.IsNullOrEmpty(email) ? name : $"{name} <{email}>";
    }
}

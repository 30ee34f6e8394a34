using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>
/// What `users add-admin` and `users add-moderator` did, and the one-time link to hand to the person: absolute when
/// ClusterAtlas:BaseUrl is set (<paramref name="BaseUrlConfigured"/>), else only its path is known for sure.
/// </summary>
public sealed record StaffAccountResult(
    string Email, string Role, bool Created, string SetPasswordLink, string SetPasswordPath, bool BaseUrlConfigured, DateTimeOffset LinkValidUntil);

using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>One administrator of a profile, as the colleagues page lists them.</summary>
public sealed record Colleague(string UserId, string DisplayName, string Email, DateTimeOffset AddedAt);

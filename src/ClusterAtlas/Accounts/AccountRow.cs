using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>An account as the administrators' list shows it.</summary>
public sealed record AccountRow(string Id, string Email, string DisplayName, bool EmailConfirmed, bool TwoFactorEnabled, AccountLock Lock,
    IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

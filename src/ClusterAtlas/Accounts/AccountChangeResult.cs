using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>What came of an administrator's change to an account: done, or refused with the reason (and the form field it concerns).</summary>
public sealed record AccountChangeResult(string? Error = null, string? Field = null)
{
    public bool Succeeded => Error is null;

    public static readonly AccountChangeResult Done = new();
}

using Microsoft.EntityFrameworkCore.Query;

namespace ClusterAtlas.Moderation;

/// <summary>What came of a moderator's decision: done, or refused with the reason (and the form field it concerns, if one).</summary>
public sealed record ModerationResult(string? Error = null, string? Field = null)
{
    public bool Succeeded => Error is null;

    public static readonly ModerationResult Done = new();
}

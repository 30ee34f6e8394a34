namespace ClusterAtlas.AccessTokens;

/// <summary>
/// A personal access token of the API: a member's key for scripts and sites that keep a profile in sync. Only the
/// SHA-256 of the token is stored (the token is shown once, when it is made); <see cref="Hint"/> is its first
/// characters, so that its owner can tell it apart from another without the stored hash giving it away.
/// </summary>
public class AccessToken
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>What its owner calls it ("Our website's sync").</summary>
    public required string Name { get; set; }

    public AccessTokenScope Scope { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters (its prefix and a few more).</summary>
    public required string Hint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a request last came with it (refreshed at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

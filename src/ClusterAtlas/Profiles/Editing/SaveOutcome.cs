namespace ClusterAtlas.Profiles.Editing;

/// <summary>What came of a save: saved (with the revision, if anything changed), or refused because someone saved first.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(ProfileRevision? Revision) : SaveOutcome;

    /// <summary>The profile changed since the editor loaded it; <paramref name="Stored"/> is what is stored now.</summary>
    public sealed record Conflict(ProfileForm Stored, Guid StoredToken) : SaveOutcome
    {
        /// <summary>Lost a race with a save that committed between our read and our write (not a clash of fields).</summary>
        internal bool Raced { get; init; }
    }
}

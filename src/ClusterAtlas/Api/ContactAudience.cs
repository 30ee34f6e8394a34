namespace ClusterAtlas.Api;

/// <summary>Who reads a profile through the API, for the contacts its team members show (ordered: each sees what the one before sees).</summary>
public enum ContactAudience
{
    /// <summary>Without a token: public contacts only.</summary>
    Everyone,
    /// <summary>With a member's token: also the contacts shown to signed-in members, as on the page.</summary>
    Members,
    /// <summary>With a token of one of the profile's administrators: every contact, as the edit form shows them.</summary>
    Editors,
}

namespace ClusterAtlas.Network;

/// <summary>Whether a <see cref="NetworkTerm"/> is one a profile is found by or one its stated collaborations look for.</summary>
public enum NetworkTermKind
{
    /// <summary>A term of the profile's own names (<see cref="PartnerMatcher.TermsOfProfile"/>); none for an archived profile.</summary>
    Name = 0,
    /// <summary>A term of a collaboration the profile states (<see cref="PartnerMatcher.TermsOfText"/>).</summary>
    Statement = 1,
}

/// <summary>
/// One term of the matcher's index kept in the database (<see cref="NetworkTerms"/>): which profiles a changed profile's
/// names can be stated by, and which profiles the texts in question can name, are found by term, not by reading every
/// profile and statement. Derived from the profile, never content itself.
/// </summary>
public class NetworkTerm : Data.INotContent
{
    public NetworkTermKind Kind { get; set; }
    public required string Term { get; set; }
    public int ProfileId { get; set; }
}

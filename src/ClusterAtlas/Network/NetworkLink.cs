using ClusterAtlas.Profiles;

namespace ClusterAtlas.Network;

/// <summary>How a stated collaboration came to point at a profile.</summary>
public enum LinkState
{
    /// <summary>The matcher is sure: linked without asking.</summary>
    Sure,
    /// <summary>The matcher is not sure: the profile's administrators are asked to confirm or reject it.</summary>
    Proposed,
    Confirmed,
    /// <summary>Remembered, so the same guess is not proposed again.</summary>
    Rejected,
}

/// <summary>
/// A collaborating cluster of a profile (free text, keyed by its folded name and country) matched to a profile on the
/// platform. Derived from the profile's content and the administrators' decisions, never content itself.
/// </summary>
public class NetworkLink : Data.INotContent
{
    public long Id { get; set; }
    /// <summary>The profile that states the collaboration.</summary>
    public int ProfileId { get; set; }
    public ClusterOrganisation Profile { get; set; } = null!;
    /// <summary>The folded name and country of the stated collaboration, see <see cref="PartnerKeyOf"/>.</summary>
    public required string PartnerKey { get; set; }
    /// <summary>The name as the profile writes it, for the confirmation page.</summary>
    public required string PartnerName { get; set; }
    public int PartnerProfileId { get; set; }
    public ClusterOrganisation PartnerProfile { get; set; } = null!;
    public double Score { get; set; }
    public LinkState State { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The account that confirmed or rejected it.</summary>
    public string? DecidedByUserId { get; set; }

    public const int MaxKeyLength = 300;

    public bool Links => State is LinkState.Sure or LinkState.Confirmed;

    public static string PartnerKeyOf(CollaboratingCluster partner) => PartnerKeyOf(partner.Name, partner.CountryCode);

    public static string PartnerKeyOf(string name, string? countryCode)
    {
        var key = $"{TextFolding.MatchKey(name)}|{countryCode?.ToUpperInvariant()}";
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
    }
}

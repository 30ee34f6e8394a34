namespace ClusterAtlas.Profiles.Logos;

/// <summary>
/// A logo uploaded for a profile, checked and (an SVG) cleaned. The profile shows the one whose hash it names in
/// <see cref="ClusterOrganisation.LogoSha256"/>; earlier ones are kept so that reverting a revision brings its logo back.
/// </summary>
public sealed class ProfileLogo
{
    public long Id { get; set; }
    public int ClusterOrganisationId { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: the logo's address and its ETag.</summary>
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>
/// A person's account. The user name is always the e-mail address. Properties marked [PersonalData] are part
/// of the "download my data" file, with Identity's own.
/// </summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to others and in the header.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The UI culture (e.g. "sr-Latn") e-mails are written in; null means the default language.</summary>
    [PersonalData]
    public string? PreferredLanguage { get; set; }

    /// <summary>When the person accepted the privacy policy (UTC); null when they never did (e.g. created from the command line).</summary>
    [PersonalData]
    public DateTimeOffset? PrivacyPolicyAcceptedAt { get; set; }

    /// <summary>When the person accepted the terms of use (UTC).</summary>
    [PersonalData]
    public DateTimeOffset? TermsAcceptedAt { get; set; }

    [PersonalData]
    public DateTimeOffset CreatedAt { get; set; }

    public List<ProfileAdministrator> AdministeredProfiles { get; set; } = [];
}

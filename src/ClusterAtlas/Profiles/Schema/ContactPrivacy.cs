namespace ClusterAtlas.Profiles.Schema;

/// <summary>Who may see a field of contact data.</summary>
public enum ContactPrivacy
{
    /// <summary>Not personal contact data: shown to everyone who may see the profile.</summary>
    None,
    /// <summary>A person's contact data: shown only as the row's <see cref="ContactVisibility"/> allows.</summary>
    RowVisibility,
}

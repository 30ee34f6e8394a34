namespace ClusterAtlas.Profiles.Editing;

/// <summary>The checkboxes of one vocabulary field of the form.</summary>
public sealed record TermChoices(ProfileFormView View, ProfileField Field, string Property, bool Required = false, string? Hint = null);

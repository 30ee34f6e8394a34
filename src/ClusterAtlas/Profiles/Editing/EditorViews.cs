namespace ClusterAtlas.Profiles.Editing;

public enum ProfileTab { View, Edit, Revisions, Colleagues, Contact }

/// <summary>The top of every editing page: breadcrumb, title, status and the profile's tabs.</summary>
public sealed record EditorHeader(ClusterOrganisation Profile, ProfileTab Current, string? Subtitle = null);

public sealed record StepNav(ClusterOrganisation Profile, string Current);

/// <summary>A list of changed fields with a caption for each side.</summary>
public sealed record ChangesView(IReadOnlyList<FieldChange> Changes, string BeforeCaption, string AfterCaption);

public sealed record ProfileTabs(string Slug, ProfileTab Current, bool MayEdit);

/// <summary>The checkboxes of one vocabulary field of the form.</summary>
public sealed record TermChoices(ProfileFormView View, ProfileField Field, string Property, bool Required = false, string? Hint = null);

public sealed record YesNoChoice(string Property, bool? Value);

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>One line of the error summary: the id of the field's input (none for an error of the whole form), and the field's name with the message.</summary>
public sealed record FormErrorLink(string? TargetId, string Text);

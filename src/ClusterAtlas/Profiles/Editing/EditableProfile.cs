using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>A profile the user may edit, or the answer that refuses it (not found, forbidden).</summary>
public sealed record EditableProfile(ClusterOrganisation? Profile, IActionResult? Refusal)
{
    [MemberNotNullWhen(true, nameof(Profile))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Found => Refusal is null;
}

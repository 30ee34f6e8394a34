using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;

namespace ClusterAtlas.Moderation;

/// <summary>A change to a published profile, readable, with what a revert of it would mean.</summary>
/// <param name="RevertedBy">The revision that already undid this change, if one did.</param>
/// <param name="ChangedLater">The labels of this change's fields that later revisions changed again (a revert replaces those later values too).</param>
/// <param name="FullyReverted">Reverts gave every field of this change its earlier value back: nothing is left to revert.</param>
/// <param name="Review">Who marked it as reviewed, and when; null while nobody has.</param>
public sealed record EditEntry(ProfileRevision Revision, string ProfileSlug, string ProfileName, ProfileStatus ProfileStatusNow,
    IReadOnlyList<FieldChange> Changes, ProfileRevision? RevertedBy, IReadOnlyList<string> ChangedLater, bool FullyReverted, EditReview? Review);

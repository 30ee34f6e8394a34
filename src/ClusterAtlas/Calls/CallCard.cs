namespace ClusterAtlas.Calls;

/// <summary>A call in a list; <paramref name="Reasons"/> says why it fits a profile, on "calls for you".</summary>
public sealed record CallCard(CallSummary Call, DateTimeOffset Now, string? Reasons, int HeadingLevel = 2);

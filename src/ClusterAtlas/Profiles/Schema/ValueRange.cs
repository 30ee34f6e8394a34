namespace ClusterAtlas.Profiles.Schema;

/// <summary>The values a number field takes, and what the form says (an English key of the shared resource) outside them.</summary>
public sealed record ValueRange(double Min, double Max, string Message)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}

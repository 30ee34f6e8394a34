namespace ClusterAtlas.Network;

/// <summary>Why a cluster is recommended, each turned into words in the reader's language by <see cref="RecommendationReasons"/>.</summary>
public enum ReasonKind
{
    SharedSector,
    SharedTechnology,
    SharedS3Area,
    SharedEmergingIndustry,
    /// <summary>Their sector supplies or buys from yours (<see cref="Reason.TermId"/> is theirs).</summary>
    ComplementarySector,
    /// <summary>They are in a country you target.</summary>
    InYourTargetCountry,
    /// <summary>They target your country.</summary>
    TheyTargetYourCountry,
    /// <summary>Both target the same country.</summary>
    SharedTargetCountry,
    CommonPartners,
    SameCountry,
    SimilarSize,
    BothLabelled,
}

public sealed record Reason(ReasonKind Kind, double Weight, int TermId = 0, string? Country = null, int Count = 0);

/// <summary>A recommended profile (by index in its graph), its score and its reasons, strongest first.</summary>
public sealed record Recommendation(int Node, double Score, IReadOnlyList<Reason> Reasons);

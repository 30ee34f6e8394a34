namespace ClusterAtlas.Network;

/// <summary>What the recommender and the collaboration model know of one profile: vocabulary term ids by field, countries, size.</summary>
public sealed record ClusterFeatures(
    int[] Sectors,
    int[] Technologies,
    int[] S3Areas,
    int[] EmergingIndustries,
    string? Country,
    string[] TargetCountries,
    int? Members,
    bool Labelled);

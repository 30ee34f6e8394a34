using ClusterAtlas.Profiles;

namespace ClusterAtlas.PartnerSearch;

/// <summary>What a posting seeks: one or more of these codes, which also travel in query strings.</summary>
public static class PartnerSearchIntents
{
    public const string Partnering = "partnering";
    public const string Supplying = "supplying";
    public const string Buying = "buying";
    public const string Investing = "investing";
    public const string Research = "research";
    public const string Training = "training";

    public static readonly IReadOnlyList<string> All = [Partnering, Supplying, Buying, Investing, Research, Training];
}

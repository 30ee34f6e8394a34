namespace ClusterAtlas.Network;

/// <summary>
/// Sectors that supply one another along a value chain (the ECCP's sectoral industries, in order from raw material to
/// market): clusters of neighbouring links complement each other rather than compete.
/// </summary>
public static class ValueChains
{
    public static readonly string[][] Chains =
    [
        ["Metal Mining", "Upstream Metal Manufacturing", "Downstream Metal Products", "Metalworking Technology", "Production Technology and Heavy Machinery", "Automotive"],
        ["Agricultural Inputs and Services", "Livestock Processing", "Food Processing and Manufacturing", "Distribution and Electronic Commerce", "Hospitality and Tourism"],
        ["Fishing and Fishing Products", "Food Processing and Manufacturing"],
        ["Forestry", "Wood Products", "Furniture"],
        ["Textile Manufacturing", "Apparel", "Footwear"],
        ["Leather and Related Products", "Footwear"],
        ["Upstream Chemical Products", "Downstream Chemical Products", "Plastics", "Paper and Packaging"],
        ["Oil and Gas Production and Transportation", "Electric Power Generation and Transmission", "Lighting and Electrical Equipment"],
        ["Biopharmaceuticals", "Medical Devices"],
        ["Information Technology and Analytical Instruments", "Communications Equipment and Services", "Business Services"],
        ["Transportation and Logistics", "Distribution and Electronic Commerce"],
        ["Education and Knowledge Creation", "Information Technology and Analytical Instruments"],
        ["Nonmetal Mining", "Vulcanized and Fired Materials", "Construction Products and Services"],
    ];

    /// <summary>For each sector id, the ids of the sectors next to it in some chain.</summary>
    public static Dictionary<int, int[]> Neighbours(IReadOnlyDictionary<string, int> sectorIdByLabel)
    {
        var pairs = new Dictionary<int, HashSet<int>>();
        foreach (var chain in Chains)
        {
            for (var i = 0; i + 1 < chain.Length; i++)
            {
                if (sectorIdByLabel.TryGetValue(chain[i], out var a) && sectorIdByLabel.TryGetValue(chain[i + 1], out var b))
                {
                    (pairs.TryGetValue(a, out var sa) ? sa : pairs[a] = []).Add(b);
                    (pairs.TryGetValue(b, out var sb) ? sb : pairs[b] = []).Add(a);
                }
            }
        }
        return pairs.ToDictionary(p => p.Key, p => p.Value.Order().ToArray());
    }
}

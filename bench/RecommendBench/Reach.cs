namespace RecommendBench;

/// <summary>
/// How much of the held-out collaborations any ranking could find among a profile's partners' partners (the only
/// candidates the network itself points at): an oracle that puts the held-out ones among them first reaches
/// min(10, held out there) / held out. Beyond partners' partners a collaboration is only found by what the profiles
/// are (sector, technology, country), which in a large directory narrows the field to thousands.
/// </summary>
public static class Reach
{
    public static HashSet<int> PartnersPartners(int[][] training, int node)
    {
        var found = new HashSet<int>();
        foreach (var partner in training[node])
        {
            foreach (var j in training[partner])
            {
                if (j != node && Array.BinarySearch(training[node], j) < 0)
                {
                    found.Add(j);
                }
            }
        }
        return found;
    }

    /// <summary>Mean recall@10 of the oracle that knows which of the partners' partners are held out.</summary>
    public static double OracleAmongPartnersPartners(int[][] training, Dictionary<int, HashSet<int>> heldOut, IReadOnlyList<int> evaluated) =>
        evaluated.Average(i => Math.Min(10, heldOut[i].Count(PartnersPartners(training, i).Contains)) / (double)heldOut[i].Count);
}

using ClusterAtlas.ClusterDirectory;
using CsCheck;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The facet counting by bitsets (<see cref="FacetPostings"/>) against its definition, tested entry by entry: an entry
/// that passes the words and every filter is a match and counts for every facet; one that fails exactly one filter
/// counts for that facet only.
/// </summary>
public sealed class FacetCountingTests
{
    private static readonly string[] Names = ["country", "region", "sector"];

    /// <summary>Entries with 0–3 of a facet's values each, over a directory of up to 300 entries (several words of bits).</summary>
    private static readonly Gen<int[][][]> EntryValues =
        Gen.Int[0, 300].SelectMany(entries => Gen.Int[0, 5].Array[0, 3].Array[entries].Array[Names.Length]);

    private static readonly Gen<(int Facet, int[] Values)[]> Filters =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, 6].Array[0, 3]).Array[0, 3];

    [Fact]
    public void The_counts_the_matches_and_the_total_are_those_of_testing_every_entry()
    {
        Gen.Select(EntryValues, Filters, Gen.Bool, Gen.ULong.Array[5]).Sample((valuesByFacet, filters, withWords, words) =>
        {
            var entryCount = valuesByFacet[0].Length;
            var facets = valuesByFacet.Select(Facet).ToArray();
            ulong[]? candidates = null;
            if (withWords)
            {
                candidates = new ulong[Bitsets.Words(entryCount)];
                for (var i = 0; i < entryCount; i++)
                {
                    candidates[i >> 6] |= words[i >> 6] & (1UL << i);
                }
            }
            // A value no entry holds ("v6") and a filter with no values are in the generated queries too.
            var query = new SearchQuery
            {
                Filters = filters.GroupBy(f => Names[f.Facet])
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(f => f.Values).Distinct().Select(v => $"v{v}")]),
            };

            var tally = FacetCounting.Count(query, Names, facets, entryCount, candidates);

            var expected = Names.Select(n => new int[facets[Array.IndexOf(Names, n)].Values.Count]).ToArray();
            var expectedTotal = 0;
            for (var i = 0; i < entryCount; i++)
            {
                if (candidates is not null && (candidates[i >> 6] & (1UL << i)) == 0)
                {
                    continue;
                }
                var failed = query.Filters
                    .Where(f => !valuesByFacet[Array.IndexOf(Names, f.Key)][i].Any(v => f.Value.Contains($"v{v}")))
                    .Select(f => Array.IndexOf(Names, f.Key)).ToList();
                Assert.Equal(failed.Count == 0, tally.IsMatch(i));
                if (failed.Count == 0)
                {
                    expectedTotal++;
                }
                for (var f = 0; f < Names.Length; f++)
                {
                    if (failed.Count == 0 || failed is [var only] && only == f)
                    {
                        foreach (var v in valuesByFacet[f][i].Distinct())
                        {
                            expected[f][facets[f].IdByValue[$"v{v}"]]++;
                        }
                    }
                }
            }
            // The same words again (counts kept with their matches are reused) give the same counts.
            var again = FacetCounting.Count(query, Names, facets, entryCount, candidates);
            Assert.Equal(expectedTotal, tally.Total);
            for (var f = 0; f < Names.Length; f++)
            {
                Assert.Equal(expected[f], tally.Counts[f]);
                Assert.Equal(expected[f], again.Counts[f]);
            }
        }, iter: 2000);
    }

    private static FacetValues Facet(int[][] valuesOfEntries)
    {
        var facet = new FacetValues();
        for (var v = 0; v <= 5; v++)
        {
            facet.Intern($"v{v}", null);
        }
        facet.StartPacking(valuesOfEntries.Length);
        foreach (var values in valuesOfEntries)
        {
            foreach (var v in values)
            {
                facet.AddValueOnce(v);
            }
            facet.EndEntry();
        }
        facet.FinishPacking();
        return facet;
    }
}

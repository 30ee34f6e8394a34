using ClusterAtlas.ClusterDirectory;
using CsCheck;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// Term rows in the database's order, grouped per profile in one pass (<see cref="TermRows"/>), against their
/// definition: a profile's terms by sort order, then id, each once; none for a profile without rows.
/// </summary>
public sealed class TermRowsTests
{
    /// <summary>Rows of dense ids (1–40) or of ids far apart (the grouping numbers them instead), in any order.</summary>
    private static readonly Gen<(int Profile, int Term, int Order)[]> Rows =
        Gen.Bool.SelectMany(sparse => Gen.Select(sparse ? Gen.Int[1, 4].Select(i => i * 100_000_000) : Gen.Int[1, 40], Gen.Int[1, 12], Gen.Int[0, 4]).Array[0, 200]);

    [Fact]
    public void Each_profile_has_its_terms_in_its_order_each_once()
    {
        Rows.Sample(rows =>
        {
            var termRows = new TermRows();
            foreach (var (profile, term, order) in rows)
            {
                termRows.Add(profile, term, order);
            }

            var grouped = termRows.Group();

            foreach (var profile in rows.Select(r => r.Profile).Append(0).Append(41).Append(int.MaxValue).Distinct())
            {
                var expected = rows.Where(r => r.Profile == profile).OrderBy(r => r.Order).ThenBy(r => r.Term).Select(r => r.Term).Distinct();
                Assert.Equal(expected, grouped.Of(profile));
            }
        });
    }
}

using ClusterAtlas.ClusterDirectory;
using CsCheck;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>The directory's reading of name words (<see cref="NameWords"/>) finds the words and stems the searches find.</summary>
public sealed class NameWordsTests
{
    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.String[0, 60],
        Gen.Const("klaster čačak – ωmega ½ ² 🚀 metal-working 3d clusters"),
        Gen.Char["abcmetlz0129 čćžšđ-½²ǅωΩ\u0301"].Array[0, 40].Select(chars => new string(chars)));

    [Fact]
    public void Words_and_stems_are_those_of_the_search_text()
    {
        // One reader for many names, as a load uses it (its words are cached between names): one thread, as a load.
        var words = new NameWords();
        Names.Sample(name =>
        {
            var (found, stems) = words.Of(name);

            var expected = SearchText.Words(name).ToArray();
            Assert.Equal(expected, found);
            Assert.Equal(expected.Select(SearchText.StemOf), stems);
        }, threads: 1);
    }
}

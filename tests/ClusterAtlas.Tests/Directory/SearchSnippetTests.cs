using System.Text.RegularExpressions;
using ClusterAtlas.ClusterDirectory;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>The passage shown under a search result: which words are marked, whatever letter or case they start with.</summary>
public sealed class SearchSnippetTests
{
    [Theory]
    [InlineData("metal", "Companies of the region. Metal processing and metalworking for Metal Cluster members.", "Metal|metalworking|Metal")]
    [InlineData("cacak", "Founded in Čačak by firms from ČAČAK and Kraljevo.", "Čačak|ČAČAK")]
    [InlineData("sensors", "We build sensor networks.\nSensors for industry.", "sensor|Sensors")]
    [InlineData("österreich", "Partners in Österreich and in Oesterreich.", "&#214;sterreich")]
    [InlineData("2030", "The Strategy 2030 plan.", "2030")]
    [InlineData("metal cluster", "A cluster for the metal industry; Metalworking Clusters and others.", "cluster|metal|Clusters")]
    public void The_matching_words_are_marked(string search, string text, string marked)
    {
        var snippet = SearchSnippet.Build(text, SearchText.Parse(search)!);

        Assert.NotNull(snippet);
        Assert.Equal(marked, string.Join("|", Regex.Matches(snippet, "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value)));
    }

    [Fact]
    public void A_text_without_the_word_has_no_snippet()
    {
        Assert.Null(SearchSnippet.Build("Metalworking and machines in Vojvodina.", SearchText.Parse("textile")!));
    }
}

namespace ClusterAtlas.Statistics;

/// <summary>
/// One table of the statistics: its name in URLs and CSV files, its title and value heading in the visitor's
/// language, its rows, and how a chart shows it (bars, or a line over years).
/// </summary>
public sealed record StatisticsTable(string Id, string Title, string KeyHeading, string ValueHeading, IReadOnlyList<StatisticsRow> Rows, bool OverTime = false)
{
    /// <summary>A second column's heading (for collaborations: how many of them both sides state), or null.</summary>
    public string? SecondHeading { get; init; }
}

/// <param name="Key">The value's code (country code, term, year), as the CSV file gives it beside the label.</param>
public sealed record StatisticsRow(string Key, string Label, decimal Value, decimal? Second = null);

namespace ClusterAtlas.Vocabularies;

/// <summary>A country of the shipped ISO 3166-1 list (Data/Seed/countries.tsv), as <see cref="CountryList"/> holds it.</summary>
public sealed class Country
{
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Other spellings met in profile pages, for matching.</summary>
    public List<string> Aliases { get; set; } = [];
}

using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The facets of the directory, by their query-string names, and the codes of their values. The directory holds
/// codes and the data's own names only; the page and the API put the words (see Localisation/DataLabels).
/// </summary>
public static class Facet
{
    public const string Country = "country";
    public const string Region = "region";
    public const string Sector = "sector";
    public const string Technology = "technology";
    public const string S3 = "s3";
    public const string Label = "label";
    public const string Service = "service";
    public const string Members = "members";
    public const string CooperatesWith = "cooperatesWith";

    public static readonly IReadOnlyList<string> All = [Country, Region, Sector, Technology, S3, Label, Service, Members, CooperatesWith];

    /// <summary>Member-count ranges: (code, lowest, highest).</summary>
    public static readonly IReadOnlyList<(string Value, int Min, int Max)> MemberRanges =
        [("1-20", 0, 20), ("21-50", 21, 50), ("51-100", 51, 100), ("101-250", 101, 250), ("251-500", 251, 500), ("501+", 501, int.MaxValue)];

    public static string? MemberRange(int? members) =>
        members is null ? null : MemberRanges.First(r => members.Value >= r.Min && members.Value <= r.Max).Value;

    /// <summary>The excellence-label facet's codes, best first; "none" is the profiles that say they have none.</summary>
    public static readonly IReadOnlyList<ExcellenceLabel> ExcellenceLevels = [ExcellenceLabel.Gold, ExcellenceLabel.Silver, ExcellenceLabel.Bronze, ExcellenceLabel.None];

    public static string ExcellenceCode(ExcellenceLabel level) => level.ToString().ToLowerInvariant();

    /// <summary>The facets whose values are the terms of a vocabulary.</summary>
    public static readonly IReadOnlyDictionary<string, string> Vocabularies = new Dictionary<string, string>
    {
        [Sector] = Vocabulary.SectoralIndustries,
        [Technology] = Vocabulary.TechnologyFields,
        [S3] = Vocabulary.S3PriorityAreas,
        [Service] = Vocabulary.SupportServices,
    };

    public static string? VocabularyOf(string facet) => Vocabularies.GetValueOrDefault(facet);

    /// <summary>Open facets list the values profiles have, most frequent first (regions run into the hundreds); the others list every value in a fixed order.</summary>
    public static bool IsOpen(string facet) => facet is Country or Region or CooperatesWith;

    /// <summary>Whether a value the facet does not hold is an error to report (a closed list, or not a country code), rather than a value no profile has yet.</summary>
    public static bool IsUnknownValue(string facet, string value) =>
        facet is Country or CooperatesWith ? !(value.Length == 2 && value.All(char.IsAsciiLetterUpper)) : facet is Label or Members || Vocabularies.ContainsKey(facet);
}

using System.Collections;

namespace ClusterAtlas.Network;

/// <summary>
/// What the recommender knows of every profile, in columns: the terms of the four fields it compares in one array, the
/// countries as shared strings, sizes and labels in arrays of their own, rather than an object per profile with six
/// arrays and its own strings (a million of them, as the directory's columns replaced its objects, 0031). A position is
/// read as spans (what the recommender's loops touch per candidate) or, for the few it explains, as a
/// <see cref="ClusterFeatures"/>.
/// </summary>
public sealed class ClusterFeatureColumns : IReadOnlyList<ClusterFeatures>
{
    private const int Fields = 4;
    private const int NoMembers = int.MinValue;

    /// <summary>Profile i's terms of field f are <c>_terms[_termStarts[4i + f].._termStarts[4i + f + 1]]</c>.</summary>
    private readonly int[] _termStarts;
    private readonly int[] _terms;
    private readonly string?[] _countries;
    private readonly int[] _targetStarts;
    private readonly string[] _targets;
    private readonly int[] _members;
    private readonly bool[] _labelled;

    private ClusterFeatureColumns(Builder builder)
    {
        _termStarts = [.. builder.TermStarts];
        _terms = [.. builder.Terms];
        _countries = [.. builder.Countries];
        _targetStarts = [.. builder.TargetStarts];
        _targets = [.. builder.Targets];
        _members = [.. builder.Members];
        _labelled = [.. builder.Labelled];
    }

    public static ClusterFeatureColumns Of(IEnumerable<ClusterFeatures> features)
    {
        var builder = new Builder();
        foreach (var f in features)
        {
            builder.Add(f.Sectors, f.Technologies, f.S3Areas, f.EmergingIndustries, f.Country, f.TargetCountries, f.Members, f.Labelled);
        }
        return builder.Build();
    }

    public int Count => _countries.Length;

    public ClusterFeatures this[int index] => new(
        Sectors(index).ToArray(), Technologies(index).ToArray(), S3Areas(index).ToArray(), EmergingIndustries(index).ToArray(),
        Country(index), TargetCountries(index).ToArray(), Members(index), Labelled(index));

    public ReadOnlySpan<int> Sectors(int node) => Field(node, 0);
    public ReadOnlySpan<int> Technologies(int node) => Field(node, 1);
    public ReadOnlySpan<int> S3Areas(int node) => Field(node, 2);
    public ReadOnlySpan<int> EmergingIndustries(int node) => Field(node, 3);
    public string? Country(int node) => _countries[node];
    public ReadOnlySpan<string> TargetCountries(int node) => _targets.AsSpan(_targetStarts[node], _targetStarts[node + 1] - _targetStarts[node]);
    public int? Members(int node) => _members[node] == NoMembers ? null : _members[node];
    public bool Labelled(int node) => _labelled[node];

    private ReadOnlySpan<int> Field(int node, int field)
    {
        var start = _termStarts[(Fields * node) + field];
        return _terms.AsSpan(start, _termStarts[(Fields * node) + field + 1] - start);
    }

    public IEnumerator<ClusterFeatures> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds profiles in node order; each term list as given (each term once).</summary>
    public sealed class Builder
    {
        internal List<int> TermStarts { get; } = [0];
        internal List<int> Terms { get; } = [];
        internal List<string?> Countries { get; } = [];
        internal List<int> TargetStarts { get; } = [0];
        internal List<string> Targets { get; } = [];
        internal List<int> Members { get; } = [];
        internal List<bool> Labelled { get; } = [];

        public void Add(ReadOnlySpan<int> sectors, ReadOnlySpan<int> technologies, ReadOnlySpan<int> s3Areas, ReadOnlySpan<int> emergingIndustries,
            string? country, ReadOnlySpan<string> targetCountries, int? members, bool labelled)
        {
            AddField(sectors);
            AddField(technologies);
            AddField(s3Areas);
            AddField(emergingIndustries);
            Countries.Add(country);
            Targets.AddRange(targetCountries);
            TargetStarts.Add(Targets.Count);
            Members.Add(members ?? NoMembers);
            Labelled.Add(labelled);
        }

        private void AddField(ReadOnlySpan<int> terms)
        {
            Terms.AddRange(terms);
            TermStarts.Add(Terms.Count);
        }

        public ClusterFeatureColumns Build() => new(this);
    }
}

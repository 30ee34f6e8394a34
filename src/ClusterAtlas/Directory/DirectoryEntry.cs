using System.Text;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// One published profile as the directory holds it: what result cards, the map and the statistics read, from its
/// position in the snapshot's columns (<see cref="DirectoryEntries"/>). A view: names and slugs are made when read.
/// </summary>
public readonly struct DirectoryEntry : IEquatable<DirectoryEntry>
{
    private readonly DirectoryEntries _entries;

    internal DirectoryEntry(DirectoryEntries entries, int position)
    {
        _entries = entries;
        Position = position;
    }

    /// <summary>Where the entry is in its snapshot's <see cref="DirectorySnapshot.Entries"/>.</summary>
    public int Position { get; }

    public int Id => _entries.Ids[Position];
    public string Name => Encoding.UTF8.GetString(_entries.NameUtf8(Position));

    /// <summary>The name as UTF-8, for writers that take it so (JSON): no string made.</summary>
    public ReadOnlySpan<byte> NameUtf8 => _entries.NameUtf8(Position);
    public string Slug => Encoding.UTF8.GetString(_entries.SlugUtf8(Position));
    public ReadOnlySpan<byte> SlugUtf8 => _entries.SlugUtf8(Position);
    public string? Acronym => _entries.StringAt(_entries.Acronyms[Position]);
    public string? CountryCode => _entries.StringAt(_entries.Countries[Position]);
    public string? Region => _entries.StringAt(_entries.Regions[Position]);
    public ExcellenceLabel? Label => _entries.Labels[Position] is var label && label < 0 ? null : (ExcellenceLabel)label;
    public int? TotalMembers => _entries.NumberAt(Position, DirectoryEntries.NumberField.TotalMembers);
    public DateTimeOffset? PublishedAt => _entries.Published[Position] is var ticks && ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
    public bool IsSampleData => (_entries.Flags[Position] & DirectoryEntries.SampleDataFlag) != 0;

    /// <summary>The profile hides its phone numbers: the card offers a contact request instead.</summary>
    public bool RelyOnContactRequests => (_entries.Flags[Position] & DirectoryEntries.ContactRequestsFlag) != 0;
    public ReadOnlySpan<int> TermIds => _entries.TermIds.AsSpan(_entries.TermStarts[Position], _entries.TermStarts[Position + 1] - _entries.TermStarts[Position]);

    // For the map and the statistics (see Map/ and Statistics/).
    public double? Latitude => _entries.Coordinates[2 * Position] is var latitude && double.IsNaN(latitude) ? null : latitude;
    public double? Longitude => _entries.Coordinates[(2 * Position) + 1] is var longitude && double.IsNaN(longitude) ? null : longitude;
    public LocationPrecision? LocationPrecision => _entries.Precisions[Position] is var precision && precision < 0 ? null : (LocationPrecision)precision;
    public int? EstablishedYear => _entries.NumberAt(Position, DirectoryEntries.NumberField.EstablishedYear);
    public int? SmeMembers => _entries.NumberAt(Position, DirectoryEntries.NumberField.SmeMembers);
    public int? StartupMembers => _entries.NumberAt(Position, DirectoryEntries.NumberField.StartupMembers);
    public int? LargeCompanyMembers => _entries.NumberAt(Position, DirectoryEntries.NumberField.LargeCompanyMembers);
    public int? ResearchOrganisationMembers => _entries.NumberAt(Position, DirectoryEntries.NumberField.ResearchOrganisationMembers);
    public int? OtherEcosystemActors => _entries.NumberAt(Position, DirectoryEntries.NumberField.OtherEcosystemActors);

    /// <summary>The countries the entry cooperates with, each once, as shared strings (for the network's features).</summary>
    public IEnumerable<string> CooperationCountries
    {
        get
        {
            var entries = _entries;
            for (var c = entries.CooperationStarts[Position]; c < entries.CooperationStarts[Position + 1]; c++)
            {
                yield return entries.Strings[entries.Cooperation[c]];
            }
        }
    }

    /// <summary>Every value of the entry as one object (for copies and comparisons, not for the hot paths).</summary>
    public DirectoryEntryData ToData()
    {
        var entries = _entries;
        var (wordStart, wordEnd) = (entries.WordStarts[Position], entries.WordStarts[Position + 1]);
        var (cooperationStart, cooperationEnd) = (entries.CooperationStarts[Position], entries.CooperationStarts[Position + 1]);
        return new DirectoryEntryData
        {
            Id = Id,
            Slug = Slug,
            Name = Name,
            Acronym = Acronym,
            CountryCode = CountryCode,
            Region = Region,
            Label = Label,
            TotalMembers = TotalMembers,
            PublishedAt = PublishedAt,
            IsSampleData = IsSampleData,
            RelyOnContactRequests = RelyOnContactRequests,
            NameWords = [.. entries.Words.AsSpan(wordStart, wordEnd - wordStart).ToArray().Select(w => entries.Strings[w])],
            NameStems = [.. entries.Words.AsSpan(wordStart, wordEnd - wordStart).ToArray().Select(w => entries.Strings[entries.StemOf[w]])],
            TermIds = TermIds.ToArray(),
            CooperationCountries = [.. entries.Cooperation.AsSpan(cooperationStart, cooperationEnd - cooperationStart).ToArray().Select(c => entries.Strings[c])],
            Latitude = Latitude,
            Longitude = Longitude,
            LocationPrecision = LocationPrecision,
            EstablishedYear = EstablishedYear,
            SmeMembers = SmeMembers,
            StartupMembers = StartupMembers,
            LargeCompanyMembers = LargeCompanyMembers,
            ResearchOrganisationMembers = ResearchOrganisationMembers,
            OtherEcosystemActors = OtherEcosystemActors,
        };
    }

    public bool Equals(DirectoryEntry other) => ReferenceEquals(_entries, other._entries) && Position == other.Position;

    public override bool Equals(object? obj) => obj is DirectoryEntry other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_entries, Position);

    public static bool operator ==(DirectoryEntry left, DirectoryEntry right) => left.Equals(right);

    public static bool operator !=(DirectoryEntry left, DirectoryEntry right) => !left.Equals(right);
}

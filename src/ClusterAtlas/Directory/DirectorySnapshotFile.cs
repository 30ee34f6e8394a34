using System.Text;
using ClusterAtlas.Profiles;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory's entries kept in a compact file beside the database, so that a start reads a million profiles from
/// one file instead of rebuilding them from the profile and term tables (docs/decisions/0031-a-million-profiles.md).
/// The file carries the <see cref="DirectoryStamp"/> of the database it was written from; a file whose stamp is not
/// the database's, of another format or unreadable, is not used (the entries are loaded from the database and the
/// file written afresh). Strings are kept once in a table, so the entries that share them share them in memory too.
/// </summary>
public static class DirectorySnapshotFile
{
    public const string FileName = "directory-snapshot.bin";

    // Raised whenever what is written changes; a file of another version is ignored.
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "CADS"u8.ToArray();

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>Writes to a temporary file, then moves it into place: a reader never sees half a file.</summary>
    public static void Write(string path, DirectoryStamp stamp, IReadOnlyList<DirectoryEntry> entries)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Ref(string? value)
        {
            if (value is null)
            {
                return -1;
            }
            if (!strings.TryGetValue(value, out var index))
            {
                strings[value] = index = table.Count;
                table.Add(value);
            }
            return index;
        }
        // Entries first into memory with string references, then the table, then the entries: one pass over the entries.
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                writer.Write(e.Id);
                writer.Write(Ref(e.Slug));
                writer.Write(Ref(e.Name));
                writer.Write(Ref(e.Acronym));
                writer.Write(Ref(e.CountryCode));
                writer.Write(Ref(e.Region));
                writer.Write(e.Label is { } label ? (int)label : -1);
                WriteNullable(writer, e.TotalMembers);
                writer.Write(e.PublishedAt is { } published ? published.UtcTicks : long.MinValue);
                writer.Write((byte)((e.IsSampleData ? 1 : 0) | (e.RelyOnContactRequests ? 2 : 0)));
                WriteStrings(writer, e.NameWords, Ref);
                WriteStrings(writer, e.NameStems, Ref);
                writer.Write(e.TermIds.Length);
                foreach (var termId in e.TermIds)
                {
                    writer.Write(termId);
                }
                WriteStrings(writer, e.CooperationCountries, Ref);
                writer.Write(e.Latitude ?? double.NaN);
                writer.Write(e.Longitude ?? double.NaN);
                writer.Write(e.LocationPrecision is { } precision ? (int)precision : -1);
                WriteNullable(writer, e.EstablishedYear);
                WriteNullable(writer, e.SmeMembers);
                WriteNullable(writer, e.StartupMembers);
                WriteNullable(writer, e.LargeCompanyMembers);
                WriteNullable(writer, e.ResearchOrganisationMembers);
                WriteNullable(writer, e.OtherEcosystemActors);
            }
        }
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(file, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            stamp.WriteTo(writer);
            writer.Write(table.Count);
            foreach (var value in table)
            {
                writer.Write(value);
            }
            writer.Write(entries.Count);
            body.Position = 0;
            body.CopyTo(file);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The entries, when the file exists, is of this format and holds the database's <paramref name="stamp"/>; otherwise null.</summary>
    public static DirectoryEntry[]? TryRead(string path, DirectoryStamp stamp)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(file, Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion || DirectoryStamp.ReadFrom(reader) != stamp)
            {
                return null;
            }
            var table = new string[reader.ReadInt32()];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = string.Intern(reader.ReadString());
            }
            string? Text(int index) => index < 0 ? null : table[index];
            var entries = new DirectoryEntry[reader.ReadInt32()];
            for (var i = 0; i < entries.Length; i++)
            {
                var id = reader.ReadInt32();
                var slug = Text(reader.ReadInt32())!;
                var name = Text(reader.ReadInt32())!;
                var acronym = Text(reader.ReadInt32());
                var country = Text(reader.ReadInt32());
                var region = Text(reader.ReadInt32());
                var label = reader.ReadInt32();
                var total = ReadNullable(reader);
                var published = reader.ReadInt64();
                var flags = reader.ReadByte();
                var nameWords = ReadStrings(reader, table);
                var nameStems = ReadStrings(reader, table);
                var termIds = new int[reader.ReadInt32()];
                for (var t = 0; t < termIds.Length; t++)
                {
                    termIds[t] = reader.ReadInt32();
                }
                var cooperation = ReadStrings(reader, table);
                var latitude = reader.ReadDouble();
                var longitude = reader.ReadDouble();
                var precision = reader.ReadInt32();
                entries[i] = new DirectoryEntry
                {
                    Id = id,
                    Slug = slug,
                    Name = name,
                    Acronym = acronym,
                    CountryCode = country,
                    Region = region,
                    Label = label < 0 ? null : (ExcellenceLabel)label,
                    TotalMembers = total,
                    PublishedAt = published == long.MinValue ? null : new DateTimeOffset(published, TimeSpan.Zero),
                    IsSampleData = (flags & 1) != 0,
                    RelyOnContactRequests = (flags & 2) != 0,
                    NameWords = nameWords,
                    NameStems = nameStems,
                    TermIds = termIds,
                    CooperationCountries = cooperation,
                    Latitude = double.IsNaN(latitude) ? null : latitude,
                    Longitude = double.IsNaN(longitude) ? null : longitude,
                    LocationPrecision = precision < 0 ? null : (LocationPrecision)precision,
                    EstablishedYear = ReadNullable(reader),
                    SmeMembers = ReadNullable(reader),
                    StartupMembers = ReadNullable(reader),
                    LargeCompanyMembers = ReadNullable(reader),
                    ResearchOrganisationMembers = ReadNullable(reader),
                    OtherEcosystemActors = ReadNullable(reader),
                };
            }
            return file.Position == file.Length ? entries : null;
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or IndexOutOfRangeException or OverflowException or UnauthorizedAccessException)
        {
            // A damaged or foreign file is as good as none: the database is the truth.
            return null;
        }
    }

    private static void WriteNullable(BinaryWriter writer, int? value) => writer.Write(value ?? int.MinValue);

    private static int? ReadNullable(BinaryReader reader) => reader.ReadInt32() is var value && value == int.MinValue ? null : value;

    private static void WriteStrings(BinaryWriter writer, string[] values, Func<string?, int> reference)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(reference(value));
        }
    }

    private static string[] ReadStrings(BinaryReader reader, string[] table)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = table[reader.ReadInt32()];
        }
        return values;
    }
}

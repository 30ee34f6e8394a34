using System.Runtime.InteropServices;
using ClusterAtlas.Profiles;
using System.Text;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// The directory's entries kept in a compact file beside the database, so that a start reads a million profiles from
/// one file instead of rebuilding them from the profile and term tables (docs/decisions/0031-a-million-profiles.md).
/// The file carries the <see cref="DirectoryStamp"/> of the database it was written from, and the change times of the
/// profiles changed shortly before its last change. A file of the database's stamp, or one written before the database's
/// latest profile changes with the same vocabulary, is the basis those changes are applied to (<see cref="TryReadBasis"/>,
/// checked against the database afterwards; a file of the database's stamp whose change times still agree is the
/// directory as it is); any other, of another format or unreadable, is not used (the entries are loaded from the
/// database and the file written afresh). The file holds the entries' columns (<see cref="DirectoryEntries"/>) as they
/// are in memory, each array's bytes in one piece, so reading it is copying them: a second or two at a million profiles.
/// </summary>
public static class DirectorySnapshotFile
{
    public const string FileName = "directory-snapshot.bin";

    // Raised whenever what is written changes; a file of another version is ignored.
    private const int FormatVersion = 3;
    private static readonly byte[] Magic = "CADS"u8.ToArray();

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>Writes to a temporary file, then moves it into place: a reader never sees half a file.</summary>
    /// <param name="recent">
    /// The change times, as read with the entries, of the profiles changed shortly before the last change (see
    /// DirectoryIndex): a start compares them with the database's to find a write that committed after the entries were
    /// read but with an earlier time. Null when there were too many to keep.
    /// </param>
    public static void Write(string path, DirectoryStamp stamp, DirectoryEntries entries, IReadOnlyDictionary<int, DateTimeOffset>? recent = null)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(entries);
        if (!BitConverter.IsLittleEndian)
        {
            return; // the arrays are written as they lie in memory; the format is little-endian
        }
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        // A process stopped while writing leaves its temporary file (hundreds of MB at a million profiles): gone once old.
        foreach (var left in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*.tmp"))
        {
            try
            {
                if (left != temporary && File.GetLastWriteTimeUtc(left) < DateTime.UtcNow.AddHours(-1))
                {
                    File.Delete(left);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Still in use, not ours, or gone meanwhile: the next write looks again.
            }
        }
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(file, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            stamp.WriteTo(writer);
            writer.Write(recent?.Count ?? -1);
            foreach (var (id, at) in recent ?? new Dictionary<int, DateTimeOffset>())
            {
                writer.Write(id);
                writer.Write(at.UtcTicks);
            }
            writer.Write(entries.Strings.Length);
            foreach (var value in entries.Strings)
            {
                writer.Write(value);
            }
            WriteArray(writer, entries.StemOf);
            WriteArray(writer, entries.Ids);
            WriteArray(writer, entries.Text);
            WriteArray(writer, entries.TextStarts);
            WriteArray(writer, entries.Acronyms);
            WriteArray(writer, entries.Countries);
            WriteArray(writer, entries.Regions);
            WriteArray(writer, entries.Labels);
            WriteArray(writer, entries.Precisions);
            WriteArray(writer, entries.Flags);
            WriteArray(writer, entries.Published);
            WriteArray(writer, entries.Numbers);
            WriteArray(writer, entries.Coordinates);
            WriteArray(writer, entries.TermStarts);
            WriteArray(writer, entries.TermIds);
            WriteArray(writer, entries.CooperationStarts);
            WriteArray(writer, entries.Cooperation);
            WriteArray(writer, entries.WordStarts);
            WriteArray(writer, entries.Words);
            WriteArray(writer, entries.ByName);
            WriteArray(writer, entries.ByNewest);
            WriteArray(writer, entries.ByMembers);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The entries, when the file exists, is of this format and holds the database's <paramref name="stamp"/>; otherwise null.</summary>
    public static DirectoryEntries? TryRead(string path, DirectoryStamp stamp) => Read(path, stored => stored == stamp)?.Entries;

    /// <summary>
    /// The entries of a file written from the database of <paramref name="stamp"/> or before its last profile changes: a
    /// basis to which the changes found since are applied. Only a file of the same vocabulary, not later than the
    /// database's last change; whether it then agrees with the database is for the caller to check.
    /// </summary>
    public static DirectoryEntries? TryReadBasis(string path, DirectoryStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return Read(path, stored => stored == stamp || IsEarlier(stored, stamp))?.Entries;
    }

    /// <summary>Whether a file of <paramref name="stored"/> may be the basis of a database of <paramref name="stamp"/>: older, of the same vocabulary.</summary>
    public static bool IsEarlier(DirectoryStamp stored, DirectoryStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(stamp);
        // (The same last change with other counts: a publication or withdrawal that committed late.)
        return stored != stamp && stored.LastChange <= stamp.LastChange && stored.Terms == stamp.Terms && stored.LastTermId == stamp.LastTermId;
    }

    /// <summary>
    /// The stamp of the file and the change times written with it (see <see cref="Write"/>), without reading its
    /// entries; null when there is no such file of this format.
    /// </summary>
    public static (DirectoryStamp Stamp, Dictionary<int, DateTimeOffset>? Recent)? TryReadHead(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            using var reader = new BinaryReader(file, Encoding.UTF8);
            return reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) && reader.ReadInt32() == FormatVersion
                ? (DirectoryStamp.ReadFrom(reader), ReadRecent(reader))
                : null;
        }
        catch (Exception error) when (IsDamage(error))
        {
            // A damaged or foreign file is as good as none: the database is the truth.
            return null;
        }
    }

    private static bool IsDamage(Exception error) =>
        error is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException
            or UnauthorizedAccessException or OutOfMemoryException;

    private static Dictionary<int, DateTimeOffset>? ReadRecent(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < -1 || count > DirectoryIndex.MaxTimesKept || (long)count * 12 > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new FormatException("not a count of change times");
        }
        if (count < 0)
        {
            return null;
        }
        var recent = new Dictionary<int, DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            recent[reader.ReadInt32()] = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        }
        return recent;
    }

    private static (DirectoryEntries Entries, DirectoryStamp Stamp)? Read(string path, Func<DirectoryStamp, bool> accept)
    {
        if (!File.Exists(path) || !BitConverter.IsLittleEndian)
        {
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(file, Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion
                || DirectoryStamp.ReadFrom(reader) is not { } stamp || !accept(stamp))
            {
                return null;
            }
            ReadRecent(reader);
            var strings = new string[reader.ReadInt32()];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = string.Intern(reader.ReadString());
            }
            var entries = new DirectoryEntries
            {
                Strings = strings,
                StemOf = ReadArray<int>(reader),
                Ids = ReadArray<int>(reader),
                Text = ReadArray<byte>(reader),
                TextStarts = ReadArray<int>(reader),
                Acronyms = ReadArray<int>(reader),
                Countries = ReadArray<int>(reader),
                Regions = ReadArray<int>(reader),
                Labels = ReadArray<sbyte>(reader),
                Precisions = ReadArray<sbyte>(reader),
                Flags = ReadArray<byte>(reader),
                Published = ReadArray<long>(reader),
                Numbers = ReadArray<int>(reader),
                Coordinates = ReadArray<double>(reader),
                TermStarts = ReadArray<int>(reader),
                TermIds = ReadArray<int>(reader),
                CooperationStarts = ReadArray<int>(reader),
                Cooperation = ReadArray<int>(reader),
                WordStarts = ReadArray<int>(reader),
                Words = ReadArray<int>(reader),
                ByName = ReadArray<int>(reader),
                ByNewest = ReadArray<int>(reader),
                ByMembers = ReadArray<int>(reader),
            };
            return file.Position == file.Length && IsWhole(entries) ? (entries, stamp) : null;
        }
        catch (Exception error) when (IsDamage(error))
        {
            // A damaged or foreign file is as good as none: the database is the truth.
            return null;
        }
    }

    /// <summary>
    /// Whether every column has its length and every offset and string number points inside its array: searches read
    /// the columns without checks, so a file that passes its stamp but was damaged inside must not get that far.
    /// </summary>
    private static bool IsWhole(DirectoryEntries e)
    {
        var count = e.Ids.Length;
        return e.TextStarts.Length == (2 * count) + 1 && IsOffsets(e.TextStarts, e.Text.Length)
            && e.StemOf.Length == e.Strings.Length && AreStrings(e.StemOf, e.Strings.Length)
            && e.Acronyms.Length == count && AreStrings(e.Acronyms, e.Strings.Length)
            && e.Countries.Length == count && AreStrings(e.Countries, e.Strings.Length)
            && e.Regions.Length == count && AreStrings(e.Regions, e.Strings.Length)
            && e.Labels.Length == count && e.Precisions.Length == count && e.Flags.Length == count && e.Published.Length == count
            && e.Numbers.Length == count * DirectoryEntries.NumbersPerEntry && e.Coordinates.Length == 2 * count
            && e.TermStarts.Length == count + 1 && IsOffsets(e.TermStarts, e.TermIds.Length)
            && e.CooperationStarts.Length == count + 1 && IsOffsets(e.CooperationStarts, e.Cooperation.Length) && AreStrings(e.Cooperation, e.Strings.Length, none: false)
            && e.WordStarts.Length == count + 1 && IsOffsets(e.WordStarts, e.Words.Length) && AreStrings(e.Words, e.Strings.Length, none: false)
            && e.Words.All(w => e.StemOf[w] >= 0)
            && IsDefined<ExcellenceLabel>(e.Labels) && IsDefined<LocationPrecision>(e.Precisions)
            && e.Published.All(ticks => ticks == long.MinValue || (ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks))
            && IsOrder(e.ByName, count) && IsOrder(e.ByNewest, count) && IsOrder(e.ByMembers, count);
    }

    /// <summary>Whether <paramref name="order"/> holds every position once.</summary>
    private static bool IsOrder(int[] order, int count)
    {
        if (order.Length != count)
        {
            return false;
        }
        var seen = new bool[count];
        foreach (var position in order)
        {
            if ((uint)position >= (uint)count || seen[position])
            {
                return false;
            }
            seen[position] = true;
        }
        return true;
    }

    private static bool IsDefined<TEnum>(sbyte[] values) where TEnum : struct, Enum
    {
        var defined = Enum.GetValues<TEnum>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        return values.All(v => v == -1 || defined.Contains(v));
    }

    private static bool IsOffsets(int[] starts, int end)
    {
        if (starts[0] != 0 || starts[^1] != end)
        {
            return false;
        }
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
            {
                return false;
            }
        }
        return true;
    }

    private static bool AreStrings(int[] references, int strings, bool none = true)
    {
        foreach (var reference in references)
        {
            if (reference >= strings || reference < (none ? -1 : 0))
            {
                return false;
            }
        }
        return true;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (length < 0 || (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > remaining)
        {
            throw new EndOfStreamException("An array runs past the end of the file.");
        }
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}

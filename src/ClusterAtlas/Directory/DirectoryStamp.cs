namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// What the directory's entries were read from, in a few figures the database gives cheaply: the number of published
/// profiles, the sum of their ids, the newest change to any profile, the number of profile-term rows and the number and
/// newest id of vocabulary terms. Every write of a profile stamps its change time, so equal stamps mean the same entries
/// but for a write that committed late with an earlier time (the change times kept with the file find it, see
/// DirectoryIndex); the sums and counts also catch a database replaced by another (a restore) that happens to end at the
/// same time.
/// </summary>
public sealed record DirectoryStamp(int Published, long IdSum, DateTimeOffset LastChange, long TermRows, int Terms, int LastTermId)
{
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Published);
        writer.Write(IdSum);
        writer.Write(LastChange.UtcTicks);
        writer.Write(TermRows);
        writer.Write(Terms);
        writer.Write(LastTermId);
    }

    public static DirectoryStamp ReadFrom(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt64(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero), reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32());
}

namespace ClusterAtlas.Operations;

/// <summary>
/// A lock file in the data folder that every process serving the platform from it holds shared, for as long as it runs,
/// and that `restore` takes alone: a restore into an installation that is being served replaced the database under the
/// running process (its open connections, its in-memory directory), and one started during a restore would read half
/// of it. The operating system releases the lock of a process that ends, however it ends. It sees the processes of this
/// machine that use this data folder; instances elsewhere on one PostgreSQL database are the operator's to stop.
/// </summary>
public sealed class ServingLock : IDisposable
{
    public const string FileName = ".serving.lock";

    private FileStream? _held;

    /// <summary>Held while the process serves: several may serve one folder, none while a restore runs.</summary>
    public void HoldWhileServing(string dataFolder)
    {
        if (_held is not null)
        {
            return;
        }
        try
        {
            // Read access takes a shared lock (the platform's own flock on Unix); a restore's exclusive one excludes it.
            _held = new FileStream(PathIn(dataFolder), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"A restore is running on the data folder {dataFolder}: start the platform once it has finished.");
        }
    }

    /// <summary>The lock for a restore, or null when a process serves from the folder.</summary>
    public static FileStream? TryTakeForRestore(string dataFolder)
    {
        try
        {
            return new FileStream(PathIn(dataFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string PathIn(string dataFolder) => Path.Combine(dataFolder, FileName);

    public void Dispose() => _held?.Dispose();
}

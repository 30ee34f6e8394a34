namespace ClusterAtlas.Operations;

/// <summary>
/// Folders and files the platform makes for its data (the data folder, backups) are its own user's only: they hold the
/// database, the mail outbox's password-reset links and the data-protection keys. Where a folder exists already, its
/// mode is the operator's (see docs/deployment.md, which also sets the services' UMask).
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The folder, made readable by its owner only when it is made here.</summary>
    public static DirectoryInfo Folder(string path) =>
        OperatingSystem.IsWindows() || Directory.Exists(path) ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnly);

    /// <summary>A new file (it must not exist) readable and writable by its owner only.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }
}

namespace ClusterAtlas.Data;

/// <summary>Settings under the "ClusterAtlas" configuration section.</summary>
public sealed class ClusterAtlasOptions
{
    public const string Section = "ClusterAtlas";

    /// <summary>Where the SQLite file, mail pickup folder and other local data live.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Sqlite (the embedded default) or Postgres (with ConnectionStrings:Default).</summary>
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Load the demo profile into an empty database on start.</summary>
    public bool LoadDemoContent { get; set; } = true;

    public string SqliteFile => Path.Combine(Path.GetFullPath(DataDirectory), "clusteratlas.db");
}

public enum DatabaseProvider { Sqlite, Postgres }

namespace ClusterAtlas.Data;

/// <summary>Settings under the "ClusterAtlas" configuration section.</summary>
public sealed class ClusterAtlasOptions
{
    public const string Section = "ClusterAtlas";

    /// <summary>Where the SQLite file, mail pickup folder and other local data live.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Sqlite (the embedded default) or Postgres (with ConnectionStrings:Default).</summary>
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Load the demo content into an empty database on start: the demo profile and <see cref="DemoSampleProfiles"/> sample profiles.</summary>
    public bool LoadDemoContent { get; set; } = true;

    /// <summary>How many fictitious sample profiles the demo content has, so search and facets have something to show.</summary>
    public int DemoSampleProfiles { get; set; } = 200;

    /// <summary>
    /// The public address of the platform (e.g. https://clusters.example.org), used in the links that e-mails and
    /// the command line hand out. Unset, links use the address of the request (or http://localhost:5000).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// From how many published profiles on the directory's entries are kept in a file in the data folder between starts
    /// (0: never). Below it the database gives them in well under a second.
    /// </summary>
    public int DirectorySnapshotFileMinimum { get; set; } = 20_000;

    public string SqliteFile => Path.Combine(Path.GetFullPath(DataDirectory), "clusteratlas.db");
}

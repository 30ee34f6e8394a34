namespace ClusterAtlas.Data;

public enum DatabaseProvider { Sqlite, Postgres }

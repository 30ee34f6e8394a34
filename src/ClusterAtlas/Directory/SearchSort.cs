namespace ClusterAtlas.ClusterDirectory;

public enum SearchSort { Relevance, Name, Newest, Members }

namespace ClusterAtlas.Profiles;

public enum ExcellenceLabel { None, Bronze, Silver, Gold }

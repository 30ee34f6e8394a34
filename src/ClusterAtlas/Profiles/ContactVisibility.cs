namespace ClusterAtlas.Profiles;

public enum ContactVisibility { Public, MembersOnly, Hidden }

namespace ClusterAtlas.Profiles;

public enum ProfileStatus { Draft, Submitted, Published, Rejected, Archived }

namespace ClusterAtlas.Profiles.Editing;

public enum RevisionKind { Created, Edited, Reverted }

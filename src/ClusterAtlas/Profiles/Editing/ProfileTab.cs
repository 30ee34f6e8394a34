namespace ClusterAtlas.Profiles.Editing;

public enum ProfileTab { View, Edit, Revisions, Colleagues, Contact }

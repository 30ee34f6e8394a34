namespace ClusterAtlas.Moderation;

/// <summary>The pages of the moderation area, for its navigation.</summary>
public enum ModerationSection { Queue, Edits, Audit, Vocabularies, Accounts, ContactReports, Import, Calls, News }

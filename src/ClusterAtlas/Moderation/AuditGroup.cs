namespace ClusterAtlas.Moderation;

/// <summary>The groups of the audit log's kinds of events.</summary>
public enum AuditGroup { Decisions, Colleagues, Accounts, Imports, Vocabularies, Contact }

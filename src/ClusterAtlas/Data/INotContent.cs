namespace ClusterAtlas.Data;

/// <summary>A row that refers to stamped content but is not part of it (who administers it, its history, the audit log): saving it leaves the content's stamps as they are.</summary>
public interface INotContent;

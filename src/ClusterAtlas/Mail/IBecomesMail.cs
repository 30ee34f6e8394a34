namespace ClusterAtlas.Mail;

/// <summary>A row whose saving gives the outbox worker work: queued mail, or a notification that may be mailed.</summary>
public interface IBecomesMail;

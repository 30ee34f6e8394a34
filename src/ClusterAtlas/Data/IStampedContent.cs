namespace ClusterAtlas.Data;

/// <summary>
/// A row whose saves are stamped (created, updated) and whose content is guarded by a concurrency token: a change of
/// it, or of a row that refers to it and is part of it, makes editors' copies stale. Properties named in
/// <see cref="NotContentProperties"/> (a workflow's status, say) are stamped but leave the token as it is.
/// </summary>
public interface IStampedContent
{
    int Id { get; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid ConcurrencyToken { get; set; }
    IReadOnlySet<string> NotContentProperties { get; }
}

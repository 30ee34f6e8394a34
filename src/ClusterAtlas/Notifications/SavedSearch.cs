namespace ClusterAtlas.Notifications;

/// <summary>A search a member keeps under a name: its list and its query string, as the list page reads it.</summary>
public class SavedSearch
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;

    /// <summary>Enough for any real use; a limit so that one account cannot make matching every new posting slow.</summary>
    public const int MaxPerMember = 50;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public SavedSearchScope Scope { get; set; }

    /// <summary>"?q=...&amp;sector=...", without paging; empty for the whole list.</summary>
    public required string Query { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Path => (Scope == SavedSearchScope.Directory ? "/cluster-organisations" : "/partner-search") + Query;
}

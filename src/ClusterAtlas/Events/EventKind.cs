namespace ClusterAtlas.Events;

/// <summary>What kind of event it is; stored and sent in query strings by name.</summary>
public enum EventKind
{
    Conference,
    Matchmaking,
    Webinar,
    ClusterWeek,
    Workshop,
    Other,
}

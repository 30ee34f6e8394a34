namespace ClusterAtlas.Events;

/// <summary>Where an event is in moderation: waiting, public, or sent back to its submitter with a reason.</summary>
public enum EventStatus
{
    Submitted,
    Published,
    SentBack,
}

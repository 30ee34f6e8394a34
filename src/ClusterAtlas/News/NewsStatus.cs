namespace ClusterAtlas.News;

/// <summary>Where a news item is in its moderation: stored by name.</summary>
public enum NewsStatus
{
    /// <summary>Saved by its author, seen only by those who may edit it.</summary>
    Draft,
    /// <summary>Waits in the moderators' queue.</summary>
    Submitted,
    /// <summary>Public: in the news list, the feed, the tag pages and its profile's page.</summary>
    Published,
    /// <summary>A moderator sent it back with a reason; its author changes it and submits it again.</summary>
    SentBack,
}

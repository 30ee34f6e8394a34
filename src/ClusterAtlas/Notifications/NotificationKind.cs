namespace ClusterAtlas.Notifications;

/// <summary>What a notification is about; each person chooses per kind how it reaches them by e-mail. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>A member expressed interest in a partner search I wrote (or one of my profile's, once its author is gone).</summary>
    InterestShown,
    /// <summary>A comment on a partner search I follow or wrote.</summary>
    Comment,
    /// <summary>A new partner search matches one of my saved searches.</summary>
    MatchingPosting,
    /// <summary>A partner search of mine closes soon: renew or close it.</summary>
    DeadlineReminder,
    /// <summary>Another member wrote to the administrators of my cluster organisation.</summary>
    ContactRequest,
    /// <summary>A newly published cluster organisation matches one of my saved directory searches.</summary>
    MatchingProfile,
}

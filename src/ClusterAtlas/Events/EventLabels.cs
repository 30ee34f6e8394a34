using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Events;

/// <summary>Event kinds in the visitor's language.</summary>
public static class EventLabels
{
    public static string Kind(EventKind kind, IStringLocalizer T) => kind switch
    {
        EventKind.Conference => T["Conference"],
        EventKind.Matchmaking => T["Matchmaking or B2B event"],
        EventKind.Webinar => T["Webinar"],
        EventKind.ClusterWeek => T["Cluster week"],
        EventKind.Workshop => T["Workshop"],
        _ => T["Other event"],
    };
}

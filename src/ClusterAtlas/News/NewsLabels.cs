using Microsoft.Extensions.Localization;

namespace ClusterAtlas.News;

/// <summary>The words for a news item's status, in the visitor's language.</summary>
public static class NewsLabels
{
    public static string Status(NewsStatus status, IStringLocalizer T) => status switch
    {
        NewsStatus.Draft => T["Draft"],
        NewsStatus.Submitted => T["Waiting for review"],
        NewsStatus.SentBack => T["Sent back"],
        _ => T["Published"],
    };
}

namespace ClusterAtlas.News;

/// <summary>What the news form partial shows: the values, the current item (when editing) and which buttons.</summary>
public sealed record NewsFormView(NewsForm Form, NewsItem? Item, bool PublishesDirectly, bool MayKeepDraft);

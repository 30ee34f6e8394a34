namespace ClusterAtlas.Notifications;

/// <summary>What the "Save this search" form of a list page needs: which list, its query string now, a name to offer.</summary>
public sealed record SaveSearchForm(SavedSearchScope Scope, string Query, string SuggestedName, string ReturnUrl);

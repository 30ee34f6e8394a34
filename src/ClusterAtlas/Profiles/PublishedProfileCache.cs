using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ClusterAtlas.Profiles;

/// <summary>Loaded profile views (and misses) by slug, valid for one version of the directory (its snapshot's generation).</summary>
public sealed class PublishedProfileCache
{
    private readonly Caching.BoundedCache<string, (long Version, ProfileView? View)> _views = new(2000, StringComparer.Ordinal);

    public bool TryGet(string slug, long version, out ProfileView? view)
    {
        if (_views.TryGetValue(slug, out var entry) && entry.Version == version)
        {
            view = entry.View;
            return true;
        }
        view = null;
        return false;
    }

    public void Set(string slug, long version, ProfileView? view)
    {
        _views.Set(slug, (version, view));
    }
}

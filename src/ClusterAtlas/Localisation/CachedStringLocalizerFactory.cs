using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The resource-file localisers, with every string they found kept per culture after its first lookup. Under load,
/// <see cref="System.Resources.ResourceManager"/> takes a lock on every lookup (a page makes a few hundred), and the
/// threads rendering pages spent more time waiting for it than in the lookups; resource files do not change while
/// the application runs, so a lookup's answer never goes stale.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory resourceFiles) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, type => new CachedStringLocalizer(resourceFiles.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), key => new CachedStringLocalizer(resourceFiles.Create(key.BaseName, key.Location)));

    /// <summary>Answers as the wrapped localiser does (the same value, "not found" flag and searched location).</summary>
    private sealed class CachedStringLocalizer(IStringLocalizer resourceFile) : IStringLocalizer
    {
        // Per UI culture (its name: cultures with different settings but one name read the same resource files).
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LocalizedString>> byCulture = new(StringComparer.Ordinal);

        public LocalizedString this[string name]
        {
            get
            {
                ArgumentNullException.ThrowIfNull(name);
                var strings = byCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => new ConcurrentDictionary<string, LocalizedString>(StringComparer.Ordinal));
                return strings.TryGetValue(name, out var found) ? found : strings.GetOrAdd(name, resourceFile[name]);
            }
        }

        // As ResourceManagerStringLocalizer: the format (or the name when there is none) in the current culture.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resourceFile.GetAllStrings(includeParentCultures);
    }
}

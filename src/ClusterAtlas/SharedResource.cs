namespace ClusterAtlas;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.*.resx. The English text is the key.</summary>
public sealed class SharedResource;

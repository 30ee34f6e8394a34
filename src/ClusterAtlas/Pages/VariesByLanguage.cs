namespace ClusterAtlas.Pages;

/// <summary>
/// Endpoint metadata: an endpoint that is not a page whose answer is written in the reader's language (the statistics'
/// CSV headings, the map's pop-ups), so that it tells caches so as pages do (<see cref="WebSetup"/>).
/// </summary>
public sealed class VariesByLanguage
{
    public static readonly VariesByLanguage Marker = new();

    private VariesByLanguage()
    {
    }
}

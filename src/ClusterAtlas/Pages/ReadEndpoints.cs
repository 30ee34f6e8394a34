namespace ClusterAtlas.Pages;

/// <summary>
/// Endpoints that only read answer HEAD as they answer GET (headers, no body): feed validators, link checkers and
/// uptime monitors ask with HEAD, and a feed mapped for GET alone fell through to the page of a news item called
/// "feed.atom" (404). Mapped with <c>MapMethods(pattern, ReadEndpoints.Methods, handler)</c>: a helper taking the handler
/// as a delegate would keep the compile-time request delegate generator from seeing it.
/// </summary>
public static class ReadEndpoints
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];
}

using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// Collects what should never happen on a page: console errors and warnings, failed requests, error responses.
/// A test calls <see cref="AssertClean"/> at its end; an expected error status (the 404 page) is allowed by path.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _expectedErrorPaths = new(StringComparer.Ordinal);
    private readonly IPage _page;

    public PageWatch(IPage page)
    {
        _page = page;
        page.Console += OnConsole;
        page.PageError += OnPageError;
        page.RequestFailed += OnRequestFailed;
        page.Response += OnResponse;
    }

    /// <summary>Stops watching: the page goes on to another test (<see cref="BrowserTab"/>).</summary>
    public void Detach()
    {
        _page.Console -= OnConsole;
        _page.PageError -= OnPageError;
        _page.RequestFailed -= OnRequestFailed;
        _page.Response -= OnResponse;
    }

    /// <summary>The next visit to this path answers with an error status on purpose (a 404 page).</summary>
    public void ExpectErrorStatus(string path) => _expectedErrorPaths.Add(path);

    public void AssertClean() => Assert.True(_problems.Count == 0, "The browser reported:\n" + string.Join("\n", _problems));

    private void OnConsole(object? sender, IConsoleMessage message)
    {
        if (message.Type is "error" or "warning" && !IsExpectedStatusMessage(message))
        {
            _problems.Add($"console {message.Type}: {message.Text} ({message.Location})");
        }
    }

    private void OnPageError(object? sender, string error) => _problems.Add("page error: " + error);

    private void OnRequestFailed(object? sender, IRequest request)
    {
        // A script's own fetch it cancelled (the live search drops the answer to words already typed over) is
        // what it meant to do; on a slow machine the keystrokes outrun the answers and it happens.
        if (!(request.ResourceType == "fetch" && request.Failure == "net::ERR_ABORTED"))
        {
            _problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        }
    }

    private void OnResponse(object? sender, IResponse response)
    {
        if (response.Status >= 400 && !_expectedErrorPaths.Contains(new Uri(response.Url).AbsolutePath))
        {
            _problems.Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        }
    }

    private bool IsExpectedStatusMessage(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal)
        && _expectedErrorPaths.Any(path => message.Location.Contains(path, StringComparison.Ordinal));
}

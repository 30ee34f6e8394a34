using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// A browser tab of a session of its own (own cookies), lent to one test at a time by <see cref="BrowserApp.OpenTabAsync"/>
/// and kept open for the next. Each new page costs Chromium a renderer process and the first parse of the site's
/// scripts and styles, about a second of CPU measured; the browser tests opened some 150 of them. Given back, the
/// tab's watch stops, its cookies go and it is sent to about:blank; lent again, its viewport, colour scheme and media
/// are set anew. Its HTTP cache stays warm, as a returning visitor's does: a test that needs a cold start or other
/// session options (no JavaScript, a page's weight) opens a context of its own.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly BrowserApp _app;

    internal BrowserTab(BrowserApp app, IBrowserContext context, IPage page, string locale)
    {
        _app = app;
        Context = context;
        Page = page;
        Locale = locale;
    }

    public IPage Page { get; }

    /// <summary>What went wrong on the page while this test had it (a new watch for each test).</summary>
    public PageWatch Watch { get; private set; } = null!;

    internal IBrowserContext Context { get; }

    internal string Locale { get; }

    internal async Task LendAsync(int width, int height, ColorScheme colorScheme)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Null, ColorScheme = colorScheme });
        Watch = new PageWatch(Page);
    }

    /// <summary>Whether the tab could be made blank for the next test (false: it is closed, and a new one will be made).</summary>
    internal async Task<bool> ClearAsync()
    {
        Watch.Detach();
        try
        {
            await Context.ClearCookiesAsync();
            await Page.GotoAsync("about:blank");
            return true;
        }
        catch (PlaywrightException)
        {
            await Context.CloseAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _app.GiveBackAsync(this);
}

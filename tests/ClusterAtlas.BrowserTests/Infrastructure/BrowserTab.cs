using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// A browser tab of a session of its own (own cookies), lent to one test at a time by <see cref="BrowserApp.OpenTabAsync"/>
/// and kept open for the next. Each new page costs Chromium a renderer process and the first parse of the site's
/// scripts and styles, about a second of CPU measured (decision record 0032). Given back, the
/// tab's watch stops, it is sent to about:blank (so that nothing the last page still had in flight sets a cookie
/// afterwards), its cookies go and the pointer leaves the page; lent again, its viewport and media emulation are set
/// anew. Its HTTP cache stays warm, as a returning visitor's does: a test that needs a cold start or other
/// session options (no JavaScript, a page's weight) opens a context of its own.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly BrowserApp _app;
    private bool _lent;

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

    /// <summary>Whether the tab could be set up for a test (false: it is closed, and the caller makes a new one).</summary>
    internal async Task<bool> LendAsync(int width, int height, ColorScheme colorScheme)
    {
        try
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.EmulateMediaAsync(new PageEmulateMediaOptions
            {
                Media = Media.Null, ColorScheme = colorScheme, ReducedMotion = ReducedMotion.Null, ForcedColors = ForcedColors.Null,
            });
        }
        catch (PlaywrightException)
        {
            await CloseQuietlyAsync();
            return false;
        }
        Watch = new PageWatch(Page);
        _lent = true;
        return true;
    }

    /// <summary>Whether the tab could be made blank for the next test (false: it is closed, and a new one will be made).</summary>
    internal async Task<bool> ClearAsync()
    {
        Watch.Detach();
        try
        {
            await Page.GotoAsync("about:blank");
            await Context.ClearCookiesAsync();
            await Page.Mouse.MoveAsync(0, 0);
            return true;
        }
        catch (PlaywrightException)
        {
            await CloseQuietlyAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Given back once: a second dispose must not put the same tab in the pool twice.
        if (_lent)
        {
            _lent = false;
            await _app.GiveBackAsync(this);
        }
    }

    /// <summary>Closes a tab that failed, without hiding the test's own failure behind the close's.</summary>
    private async Task CloseQuietlyAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is already gone or going: nothing of the tab is left to close.
        }
    }
}

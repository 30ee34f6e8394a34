using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Cumulative layout shift as the browser measured it while the page loaded (shifts after input excluded).</summary>
public static class LayoutShift
{
    /// <summary>What counts as steady: a tenth of what Web Vitals still calls good (0.1).</summary>
    public const double Limit = 0.01;

    public sealed record Measure(double Score, string Sources);

    /// <summary>The score and, for each shift, the elements that moved and from where to where.</summary>
    public static async Task<Measure> MeasureWithSourcesAsync(IPage page)
    {
        var result = await page.EvaluateAsync<string[]>(
            """
            () => new Promise(resolve => {
                let sum = 0;
                const moved = [];
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) {
                        if (e.hadRecentInput) continue;
                        sum += e.value;
                        for (const s of e.sources || []) {
                            const n = s.node;
                            const name = !n ? '?' : n.nodeType === 1
                                ? n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/).join('.') : '')
                                : '"' + (n.textContent || '').trim().slice(0, 40) + '"';
                            const r = x => `${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.width)}x${Math.round(x.height)}`;
                            moved.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms: ${name} ${r(s.previousRect)} -> ${r(s.currentRect)}`);
                        }
                    }
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => resolve([String(sum), moved.join('; ')]), 200);
            })
            """);
        return new Measure(double.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture), result[1]);
    }

    /// <summary>
    /// Fails when the page moved while loading. A page that moved is loaded once more before failing: on a machine
    /// loaded to many times its cores the browser has been seen painting a script-free page half-laid-out once (CLS
    /// 0.014); a page that shifts by its own making shifts on every load. Both loads' moving elements are in the message.
    /// </summary>
    public static async Task AssertSteadyAsync(IPage page, string what)
    {
        var first = await MeasureWithSourcesAsync(page);
        if (first.Score < Limit) return;
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var second = await MeasureWithSourcesAsync(page);
        Assert.True(second.Score < Limit,
            $"{what} shifted its layout while loading, twice (CLS {first.Score:0.000} then {second.Score:0.000}; moved: {first.Sources} | {second.Sources})");
    }
}

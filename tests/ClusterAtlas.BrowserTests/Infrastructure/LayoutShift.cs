using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Cumulative layout shift as the browser measured it while the page loaded (shifts after input excluded).</summary>
public static class LayoutShift
{
    public static Task<double> MeasureAsync(IPage page) => page.EvaluateAsync<double>(
        """
        () => new Promise(resolve => {
            let sum = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 200);
        })
        """);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>axe-core, from tests/tools, run in the page against WCAG 2.1 A and AA.</summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// axe.min.js (650 KB), read once. It is evaluated in the page only when a check runs: as an init script it was
    /// compiled in every document of every page the tests opened: one to two seconds of Chromium's CPU for a new page
    /// visiting five documents, as measured (decision record 0032). Evaluated by the driver, like an init script, it needs no exception in the site's
    /// Content-Security-Policy (script-src 'self').
    /// </summary>
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(RepositoryFiles.AxeScript));

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        // A click that navigates returns once the new document is committed, not parsed: on a loaded machine axe
        // then saw a button whose text the parser had not reached yet. Check the whole page.
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }
        var result = await page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })", Tags);
        var violations = result.GetProperty("violations");
        if (violations.GetArrayLength() == 0)
        {
            return;
        }
        var report = new StringBuilder($"axe found {violations.GetArrayLength()} violation(s) on {what}:\n");
        foreach (var violation in violations.EnumerateArray())
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {violation.GetProperty("id")} ({violation.GetProperty("impact")}): {violation.GetProperty("help")}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray().Take(5))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.GetProperty("target")}: {node.GetProperty("failureSummary")}");
            }
        }
        Assert.Fail(report.ToString());
    }
}

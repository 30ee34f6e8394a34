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
    /// Makes axe available in every page of the context. An init script is injected by the browser itself, so the
    /// site's Content-Security-Policy (script-src 'self') needs no exception for the test.
    /// </summary>
    public static Task InjectAsync(IBrowserContext context) => context.AddInitScriptAsync(scriptPath: RepositoryFiles.AxeScript);

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        // A click that navigates returns once the new document is committed, not parsed: on a loaded machine axe
        // then saw a button whose text the parser had not reached yet. Check the whole page.
        await page.WaitForLoadStateAsync(LoadState.Load);
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

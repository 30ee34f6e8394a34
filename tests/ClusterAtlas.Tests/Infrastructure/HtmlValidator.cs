namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>html-validate with the standard and accessibility rules (tests/tools/.htmlvalidate.json).</summary>
public static class HtmlValidator
{
    public static async Task AssertValidAsync(string html, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"clusteratlas-page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var (exitCode, output) = await TestTools.RunNodeAsync(
                TestTools.NodeModule("html-validate/bin/html-validate.mjs"),
                "--config", Path.Combine(TestTools.ToolsDirectory, ".htmlvalidate.json"), "--formatter", "text", file);
            Assert.True(exitCode == 0, $"{name} is not valid HTML:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

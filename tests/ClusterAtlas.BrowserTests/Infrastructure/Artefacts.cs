using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Screenshots of each step, in TestResults/screenshots of this project (or CLUSTERATLAS_SCREENSHOTS).</summary>
public static class Artefacts
{
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("CLUSTERATLAS_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryFiles.Root, "tests", "ClusterAtlas.BrowserTests", "TestResults", "screenshots")).FullName;

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}

/// <summary>Files of the repository the tests use (the axe-core script of tests/tools).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string AxeScript
    {
        get
        {
            var path = Path.Combine(Root, "tests", "tools", "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run ./test.sh, or `npm ci` in tests/tools.");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClusterAtlas.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ClusterAtlas.slnx not found above " + AppContext.BaseDirectory);
    }
}

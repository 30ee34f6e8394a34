using System.Diagnostics;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>The Node tools in tests/tools (installed there by ./test.sh with npm ci).</summary>
public static class TestTools
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "tests", "tools");

    public static string NodeModule(string path)
    {
        var full = Path.Combine(ToolsDirectory, "node_modules", path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new InvalidOperationException($"{full} is missing: run ./test.sh, or `npm ci` in tests/tools.");
        }
        return full;
    }

    /// <summary>Runs a Node script and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ToolsDirectory };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string FindRepositoryRoot()
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

using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>
/// `users add-admin` and `users add-moderator` as an operator runs them: the real executable in a process of its own,
/// on a database folder of its own, with and without ClusterAtlas:BaseUrl.
/// </summary>
[Trait("Database", "none")] // a SQLite folder of their own whatever the pass: the PostgreSQL pass of ./test.sh would only repeat them
public sealed class StaffCommandTests
{
    [Fact]
    public async Task Add_admin_prints_the_link_from_the_configured_base_url()
    {
        var (exitCode, output) = await RunAsync(["users", "add-admin", "first-admin@example.org"], baseUrl: "https://clusters.example.org/");

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Created the account first-admin@example.org (no password yet) with the role Administrator.", lines);
        Assert.Single(lines, l => l.StartsWith("https://clusters.example.org/account/set-password?userId=", StringComparison.Ordinal) && l.Contains("&code=", StringComparison.Ordinal));
        Assert.DoesNotContain("BaseUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_url_add_moderator_says_so_and_prints_the_path_to_open_on_the_server()
    {
        var (exitCode, output) = await RunAsync(["users", "add-moderator", "first-moderator@example.org"], baseUrl: null);

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("ClusterAtlas:BaseUrl is not set", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Open this path on the server's own address", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("/account/set-password?userId=", StringComparison.Ordinal) && l.Contains("&code=", StringComparison.Ordinal));
        // No made-up host: a localhost link would be wrong on a real server.
        Assert.DoesNotContain("localhost", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string? baseUrl)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "cli-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["ClusterAtlas__DataDirectory"] = dataDirectory, ["ClusterAtlas__Database"] = "Sqlite" };
        if (baseUrl is not null)
        {
            settings["ClusterAtlas__BaseUrl"] = baseUrl;
        }
        try
        {
            var run = await CommandLineRun.RunAsync(arguments, settings);
            return (run.ExitCode, run.Output + run.Errors);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}

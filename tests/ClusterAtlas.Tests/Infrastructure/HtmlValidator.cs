using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// html-validate with the standard and accessibility rules (tests/tools/.htmlvalidate.json). One validator process
/// (tests/tools/html-validate-server.mjs) serves the whole test process: pages are written to files, their names sent
/// one per line, and the answers matched by number, so tests running in parallel each get their own page's report.
/// </summary>
public static class HtmlValidator
{
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<long, TaskCompletionSource<Answer>> Pending = new();
    private static Process? _server;
    private static long _lastId;

    public static async Task AssertValidAsync(string html, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"clusteratlas-page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var answer = await ValidateAsync(file).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(answer.Valid, $"{name} is not valid HTML:\n{answer.Report}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<Answer> ValidateAsync(string file)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending[id] = answer;
        lock (Gate)
        {
            var server = _server is { HasExited: false } running ? running : _server = Start();
            server.StandardInput.WriteLine(JsonSerializer.Serialize(new { id, file }));
            server.StandardInput.Flush();
        }
        return answer.Task;
    }

    private static Process Start()
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestTools.ToolsDirectory,
        };
        start.ArgumentList.Add(Path.Combine(TestTools.ToolsDirectory, "html-validate-server.mjs"));
        start.ArgumentList.Add(Path.Combine(TestTools.ToolsDirectory, ".htmlvalidate.json"));
        TestTools.NodeModule("html-validate");
        var server = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new System.Text.StringBuilder();
        server.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        server.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server);
        _ = Task.Run(() => ReadAnswersAsync(server, errors));
        return server;
    }

    private static async Task ReadAnswersAsync(Process server, System.Text.StringBuilder errors)
    {
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (Pending.TryRemove(root.GetProperty("id").GetInt64(), out var answer))
            {
                answer.SetResult(new Answer(root.GetProperty("valid").GetBoolean(), root.GetProperty("report").GetString() ?? ""));
            }
        }
        // The validator ended: whoever still waits learns why, and the next page starts a new one.
        await server.WaitForExitAsync();
        string error;
        lock (errors)
        {
            error = errors.ToString();
        }
        foreach (var id in Pending.Keys)
        {
            if (Pending.TryRemove(id, out var answer))
            {
                answer.SetResult(new Answer(false, "the html-validate process ended: " + error));
            }
        }
    }

    private static void Stop(Process server)
    {
        try
        {
            server.StandardInput.Close();
            server.WaitForExit(2000);
            server.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private sealed record Answer(bool Valid, string Report);
}

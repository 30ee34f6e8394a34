using System.CommandLine;

namespace ClusterAtlas.Calls;

/// <summary>
/// `import calls FILE [--dry-run]`: calls from CSV in the documented layout (docs/calls-csv.md), all or nothing.
/// Prints what it created and updated, or every wrong line and column; exit code 1 when nothing could be stored.
/// </summary>
public static class CallImportCommand
{
    public static Command Create(Func<CancellationToken, Task<WebApplication>> startServices, Func<FileInfo, FileInfo> resolve)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of calls (docs/calls-csv.md)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change; store nothing" };
        var command = new Command("calls", "Create or update open calls from CSV (a call is found by its identifier, else its link); all or nothing.");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = resolve(parse.GetValue(file)!);
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {path.FullName}: no such file.");
                return 1;
            }
            var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            await using var host = await startServices(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CallImporter>().ImportAsync(bytes, parse.GetValue(dryRun), cancellationToken);
            return await PrintAsync(result, path.Name, Console.Out, Console.Error);
        });
        return command;
    }

    public static async Task<int> PrintAsync(CallImportResult result, string fileName, TextWriter output, TextWriter errors)
    {
        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync($"error: {fileName}, {error}");
        }
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync("Nothing was imported: correct these lines and import the file again.");
            return 1;
        }
        foreach (var row in result.Rows)
        {
            var verb = (row.Created, result.Stored) switch
            {
                (true, true) => "created",
                (true, false) => "would create",
                (false, true) => "updated",
                _ => "would update",
            };
            await output.WriteLineAsync($"line {row.Line}: {verb} /calls/{row.Slug} ({row.Title})");
        }
        var created = result.Rows.Count(r => r.Created);
        await output.WriteLineAsync(result.Stored
            ? $"Imported {result.Rows.Count} calls: {created} created, {result.Rows.Count - created} updated."
            : $"Dry run: {result.Rows.Count} calls would be imported ({created} created, {result.Rows.Count - created} updated); nothing was stored.");
        return 0;
    }
}

using System.CommandLine;
using ClusterAtlas.Profiles;
using Spectre.Console;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// `import json FILE...` and `import csv FILE...`: the platform's own exports read back (<see cref="ProfileRecordImporter"/>),
/// with --dry-run, --all-or-nothing and --replace. Exit code 1 when a file or a record could not be imported.
/// </summary>
public static class ProfileFileImportCommand
{
    public static Command Create(string format, Func<CancellationToken, Task<WebApplication>> startServices, Func<FileInfo, FileInfo> resolve)
    {
        var isJson = format == "json";
        var files = new Argument<FileInfo[]>("files")
        {
            Description = isJson ? "JSON exports of the platform (an array of profiles)" : "CSV files in the layout of the CSV export (docs/export-columns.md)",
            Arity = ArgumentArity.OneOrMore,
        };
        var status = new Option<ProfileStatus>("--status") { Description = "Status of newly created profiles", DefaultValueFactory = _ => ProfileStatus.Published };
        var replace = new Option<bool>("--replace") { Description = "Replace profiles that their members maintain on the platform (recorded as a revision)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change and write nothing" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing if any record (or file) is bad" };
        var command = new Command(format, isJson
            ? "Create or update profiles from the platform's JSON export (idempotent by slug, else by website)."
            : "Create or update profiles from CSV in the layout of the platform's CSV export (idempotent by slug, else by website).");
        command.Arguments.Add(files);
        command.Options.Add(status);
        command.Options.Add(replace);
        command.Options.Add(dryRun);
        command.Options.Add(allOrNothing);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var records = new List<ProfileRecord>();
            var badFiles = 0;
            foreach (var given in parse.GetValue(files) ?? [])
            {
                var file = resolve(given);
                try
                {
                    if (!file.Exists)
                    {
                        throw new MalformedProfileFileException(file.FullName, 0, "no such file");
                    }
                    var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
                    records.AddRange(isJson ? JsonProfileFile.Read(bytes, file.Name) : CsvProfileFile.Read(bytes, file.Name));
                }
                catch (MalformedProfileFileException error)
                {
                    badFiles++;
                    await Console.Error.WriteLineAsync($"error: {error.Message}. Nothing was imported from this file.");
                }
            }
            var options = new ProfileImportOptions(parse.GetValue(status), parse.GetValue(replace), parse.GetValue(dryRun), parse.GetValue(allOrNothing),
                $"{format}-import");
            if (badFiles > 0 && options.AllOrNothing)
            {
                await Console.Error.WriteLineAsync("All or nothing: a file could not be read, so nothing was written.");
                return 1;
            }
            await using var host = await startServices(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ProfileRecordImporter>();
            ProfileImportRun run = null!;
            if (records.Count >= 100 && !Console.IsOutputRedirected)
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("profiles", maxValue: records.Count);
                    run = await importer.ImportAsync(records, options, new Progress<int>(done => task.Value = done), cancellationToken);
                });
            }
            else
            {
                run = await importer.ImportAsync(records, options, null, cancellationToken);
            }
            ProfileImportPrinter.Print(Console.Out, run);
            return badFiles == 0 && !run.HasBadRecords ? 0 : 1;
        });
        return command;
    }
}

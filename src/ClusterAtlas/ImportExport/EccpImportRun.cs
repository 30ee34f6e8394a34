using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using Spectre.Console;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// `import eccp FILE...` on the command line: each file in a scope of its own, its report printed; with a dry run
/// nothing is written and each report says what would change; all or nothing first tries every file without writing
/// and writes only when none fails. Long imports show a progress bar (the reports follow it). Members whose saved
/// directory searches find the profiles it created published are told at the end, as after a moderator's publication.
/// </summary>
public sealed class EccpImportRun(IServiceProvider services, TextWriter output, TextWriter errors)
{
    /// <summary>From this many files on (and on a terminal), a progress bar shows how far the import is.</summary>
    public const int ProgressFrom = 10;

    public sealed record Options(ProfileStatus Status, bool Replace, bool DryRun, bool AllOrNothing);

    /// <summary>Imports the files and returns the exit code: 0 when every file was imported (or would be), else 1.</summary>
    public async Task<int> RunAsync(IReadOnlyList<FileInfo> files, Options options, CancellationToken cancellationToken)
    {
        if (options.AllOrNothing && !options.DryRun)
        {
            var trial = await ImportAllAsync(files, options, dryRun: true, print: false, cancellationToken);
            if (trial > 0)
            {
                await errors.WriteLineAsync($"error: {trial} of {files.Count} files cannot be imported; with --all-or-nothing nothing was written.");
                return 1;
            }
        }
        var failures = await ImportAllAsync(files, options, options.DryRun, print: true, cancellationToken);
        if (options.DryRun)
        {
            await output.WriteLineAsync($"Dry run: nothing was written ({files.Count - failures} of {files.Count} files would be imported).");
        }
        return failures == 0 ? 0 : 1;
    }

    private async Task<int> ImportAllAsync(IReadOnlyList<FileInfo> files, Options options, bool dryRun, bool print, CancellationToken cancellationToken)
    {
        var failures = 0;
        var published = new List<int>();
        var unmatched = new List<int>();
        var printed = new List<(string Output, string Error)>();
        async Task Each(Action<int>? progress)
        {
            for (var i = 0; i < files.Count; i++)
            {
                var (text, error, publishedId, leftUnmatched) = await ImportOneAsync(files[i], options, dryRun, cancellationToken);
                failures += error is null ? 0 : 1;
                unmatched.AddRange(leftUnmatched);
                if (publishedId is { } id)
                {
                    published.Add(id);
                }
                if (print && progress is null)
                {
                    await output.WriteAsync(text);
                    await errors.WriteAsync(error ?? "");
                }
                else
                {
                    printed.Add((text, error ?? ""));
                }
                progress?.Invoke(i + 1);
            }
        }
        if (files.Count >= ProgressFrom && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(dryRun && !options.DryRun ? "checking pages" : "importing pages", maxValue: files.Count);
                    await Each(done => task.Value = done);
                });
        }
        else
        {
            await Each(null);
        }
        // A trial (all or nothing) prints only why files cannot be imported; its reports would say what was not done.
        foreach (var (text, error) in printed)
        {
            if (print)
            {
                await output.WriteAsync(text);
            }
            await errors.WriteAsync(error);
        }
        if (published.Count > 0)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifications.SavedSearches>().NotifyMatchingProfilesAsync(published, cancellationToken);
        }
        if (unmatched.Count > 0)
        {
            // One matching of the pages' collaborations after the last page, not one for each; after the members are told,
            // since it may take a while, and if it is stopped the network's check does it.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProfileWrites>().MatchNetworkOfAsync(unmatched, cancellationToken);
        }
        return failures;
    }

    private async Task<(string Output, string? Error, int? PublishedId, IReadOnlyList<int> LeftUnmatched)> ImportOneAsync(FileInfo file, Options options, bool dryRun, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<EccpProfileImporter>();
        try
        {
            if (!file.Exists)
            {
                throw new MalformedProfilePageException(file.FullName, 0, "no such file");
            }
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            var report = await importer.ImportFileAsync(bytes, file.Name, options.Status, options.Replace, cancellationToken, dryRun, deferNetworkMatching: true);
            if (!dryRun)
            {
                await scope.ServiceProvider.GetRequiredService<AuditLog>().ImportAsync(report, file.Name, cancellationToken);
            }
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            ImportReportPrinter.Print(text, file.Name, report);
            return (text.ToString(), null, report.PublishedProfileId, report.LeftUnmatched);
        }
        catch (Exception error) when (error is MalformedProfilePageException or ProfileImportRefusedException)
        {
            return ("", $"error: {error.Message}. Nothing was stored from this file.{Environment.NewLine}", null, []);
        }
    }
}

using System.Globalization;

namespace ClusterAtlas.ImportExport;

/// <summary>The report of a JSON or CSV import: each record with its outcome, the fields it changed and what it could not place.</summary>
public static class ProfileImportPrinter
{
    public static void Print(TextWriter output, ProfileImportRun run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        var dry = run.Options.DryRun;
        foreach (var result in run.Results)
        {
            var record = result.Record;
            var at = Invariant($"{record.Source}: {record.Where} (line {record.Line})");
            var path = result.Slug is null ? "" : $" /cluster-organisations/{result.Slug}";
            output.WriteLine(result.Outcome switch
            {
                ProfileImportOutcome.Created => $"{at}: {(dry ? "would create" : "created")}{path}",
                ProfileImportOutcome.Updated => $"{at}: {(dry ? "would update" : "updated")}{path}: {string.Join(", ", result.ChangedFields)}",
                ProfileImportOutcome.Unchanged => $"{at}: unchanged{path}",
                ProfileImportOutcome.Refused => $"{at}: REFUSED{path}: {result.Error}",
                _ => $"{at}: SKIPPED{path}: {result.Error}",
            });
            foreach (var entry in result.Report.Problems)
            {
                var what = entry.Outcome == ImportOutcome.ProposedTerm ? "proposed term" : "NOT PLACED";
                var value = entry.Value.Length > 70 ? entry.Value[..67] + "..." : entry.Value;
                output.WriteLine($"    {what,-14} {entry.Field,-34} {value}  ({entry.Note})");
            }
        }
        var summary = Invariant($"{run.Count(ProfileImportOutcome.Created)} created, {run.Count(ProfileImportOutcome.Updated)} updated, {run.Count(ProfileImportOutcome.Unchanged)} unchanged, {run.Count(ProfileImportOutcome.Skipped)} skipped, {run.Count(ProfileImportOutcome.Refused)} refused");
        if (dry)
        {
            output.WriteLine($"Dry run: {summary.Replace("created", "to create", StringComparison.Ordinal).Replace("updated", "to update", StringComparison.Ordinal)}. Nothing was written.");
        }
        else if (!run.Written)
        {
            output.WriteLine($"All or nothing: {run.Results.Count(r => r.IsBad)} bad record(s), so nothing was written ({summary} had there been none).");
        }
        else
        {
            output.WriteLine(summary + ".");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ClusterAtlas.ImportExport;

public static class ImportReportPrinter
{
    public static void Print(TextWriter output, string source, ImportReport report)
    {
        var action = (report.DryRun, report.Created) switch
        {
            (true, true) => "would create",
            (true, false) => "would update",
            (false, true) => "created",
            _ => "updated",
        };
        var layout = report.Layout == EccpLayout.Since2021 ? "the ECCP's layout since 2021" : "the ECCP's older layout";
        var byWebsite = report.MatchedByWebsite ? ", found by its website" : "";
        output.WriteLine(FormattableString.Invariant($"{source}: {action} /cluster-organisations/{report.Slug} ({layout}{byWebsite})"));
        if (report.DryRun)
        {
            foreach (var change in report.Changes)
            {
                output.WriteLine(FormattableString.Invariant($"  change  {change.Label}: {Shown(change.Before)} -> {Shown(change.After)}"));
            }
            output.WriteLine(FormattableString.Invariant($"  {report.Changes.Count} fields would change; nothing was written"));
        }
        output.WriteLine(FormattableString.Invariant($"  {"line",5}  {"outcome",-14} {"field",-34} value"));
        foreach (var entry in report.Entries.OrderBy(e => e.Line))
        {
            var outcome = entry.Outcome switch
            {
                ImportOutcome.Taken => "took",
                ImportOutcome.Empty => "empty",
                ImportOutcome.ProposedTerm => "proposed term",
                _ => "NOT PLACED",
            };
            var value = entry.Value.Length > 70 ? entry.Value[..67] + "..." : entry.Value;
            var note = entry.Note is null || entry.Outcome == ImportOutcome.Empty ? "" : $"  ({entry.Note})";
            output.WriteLine(FormattableString.Invariant($"  {entry.Line,5}  {outcome,-14} {entry.Field,-34} {value}{note}"));
        }
        var problems = report.Problems.Count();
        output.WriteLine(FormattableString.Invariant($"  {report.Entries.Count(e => e.Outcome == ImportOutcome.Taken)} values taken, {report.Entries.Count(e => e.Outcome == ImportOutcome.Empty)} labels empty, {problems} to review"));
    }

    private static string Shown(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return "(empty)";
        }
        var text = string.Join("; ", lines);
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}

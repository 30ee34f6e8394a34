using System.Globalization;

namespace ClusterAtlas.ImportExport;

public static class ImportReportPrinter
{
    public static void Print(TextWriter output, string source, ImportReport report)
    {
        output.WriteLine(FormattableString.Invariant($"{source}: {(report.Created ? "created" : "updated")} /cluster-organisations/{report.Slug}"));
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
}

using System.Text;
using ClusterAtlas.ImportExport;

namespace ClusterAtlas.Tests.ImportExport;

/// <summary>
/// docs/export-columns.md lists the columns of the CSV and XLSX exports as the code makes them from the profile schema;
/// a field added to the schema fails this test until the page is refreshed with
/// <c>CLUSTERATLAS_UPDATE_DOCS=1 dotnet test tests/ClusterAtlas.Tests --filter "FullyQualifiedName~ExportColumnsDocumentTests"</c>.
/// </summary>
public sealed class ExportColumnsDocumentTests
{
    [Fact]
    public void The_column_documentation_lists_every_column_of_the_exports()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "export-columns.md");
        var expected = Document();
        if (Environment.GetEnvironmentVariable("CLUSTERATLAS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            "docs/export-columns.md differs from the exports' columns. Refresh it with CLUSTERATLAS_UPDATE_DOCS=1 dotnet test tests/ClusterAtlas.Tests "
            + "--filter \"FullyQualifiedName~ExportColumnsDocumentTests\" and commit it.");
    }

    private static string Document()
    {
        var text = new StringBuilder();
        text.Append("""
            # Columns of the CSV and XLSX exports

            The directory's exports (`/api/v1/cluster-organisations/export.csv`, `.xlsx` and `.json`, with the directory's
            words and filters; linked from the directory page) hold every published profile the search finds, in the order of
            their ids. The JSON export is an array of whole profiles as `GET /api/v1/cluster-organisations/{slug}` answers them.
            The CSV and XLSX exports have the columns below, generated from the profile schema (this page is checked by a test).

            - CSV: UTF-8 with a byte-order mark, comma-separated, the header on the first line and one row a profile; the data
              licence is in the answer's `Link: <...>; rel="license"` header. The XLSX has the same columns on its sheet
              "Profiles", and the licence on its sheet "Licence".
            - Several values in one cell (lists, terms, the rows of a group) are joined with `; `; a `;` or `\` inside a value
              is written `\;` or `\\`. The fields of a group's rows are columns of their own (`managementTeam.name`,
              `managementTeam.role`...), the n-th value of each belonging to the n-th row.
            - In the CSV, a text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) is written with an apostrophe before
              it, which spreadsheets read as "text"; the CSV import takes it off again.
            - Contacts of team members are exported only where the profile shows them to everyone: a contact shown to
              members only (or to no one) is never in an export.
            - `import csv FILE` reads this layout back (a column left out leaves that field as it is), `import json FILE` the
              JSON export.

            | Column | Holds |
            |---|---|

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var column in ProfileExportColumns.All)
        {
            text.Append("| `").Append(column.Name).Append("` | ").Append(column.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }
        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ClusterAtlas.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The repository's root (ClusterAtlas.slnx) was not found above " + AppContext.BaseDirectory);
    }
}

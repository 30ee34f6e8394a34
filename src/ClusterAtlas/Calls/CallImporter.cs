using ClusterAtlas.Data;
using ClusterAtlas.Links;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>What an import did, or would do (a dry run): the calls it creates and updates, or why it stores nothing.</summary>
public sealed record CallImportResult(IReadOnlyList<CallImportRow> Rows, IReadOnlyList<CallImportError> Errors, bool Stored)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One row of an import that can be stored: the call it creates or updates.</summary>
public sealed record CallImportRow(int Line, string Title, string Slug, bool Created);

/// <summary>
/// Imports calls from CSV in the documented layout, all or nothing: every row is checked first (with the form's own
/// checks), and one wrong row stores none. A row finds the call it updates by its identifier, else by its link, so a
/// file imported again updates its calls instead of adding them twice. A dry run checks and reports, and stores nothing.
/// </summary>
public sealed class CallImporter(ClusterAtlasDbContext db, CallEditor editor, CountryList countries, TermTranslations translations, IStringLocalizer<SharedResource> T)
{
    public async Task<CallImportResult> ImportAsync(byte[] file, bool dryRun, CancellationToken cancellationToken)
    {
        var (rows, fileErrors) = CallCsvFile.Read(file);
        if (fileErrors.Count > 0)
        {
            return new CallImportResult([], fileErrors, false);
        }
        var terms = await CallTermLookup.LoadAsync(db, translations, cancellationToken);
        var existing = await db.Set<FundingCall>().Include(c => c.Terms).ToListAsync(cancellationToken);
        var errors = new List<CallImportError>();
        var planned = new List<(CallCsvRow Row, CallForm Form, FundingCall? Match)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var rowErrors = new List<CallImportError>();
            var form = FormOf(row, terms, rowErrors);
            foreach (var (property, message) in form.Validate(terms.ById, countries, T))
            {
                if (!rowErrors.Any(e => e.Column == CallCsvColumns.ColumnOf(property)))
                {
                    rowErrors.Add(new CallImportError(row.Line, CallCsvColumns.ColumnOf(property), message));
                }
            }
            if (rowErrors.Count == 0)
            {
                var key = form.Identifier is { } identifier ? "id:" + identifier : "link:" + form.Link;
                if (seen.TryGetValue(key, out var earlier))
                {
                    rowErrors.Add(new CallImportError(row.Line, form.Identifier is null ? "link" : "identifier",
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, "the same call as line {0}", earlier)));
                }
                seen[key] = row.Line;
                var match = (form.Identifier is { } id ? existing.FirstOrDefault(c => string.Equals(c.Identifier, id, StringComparison.OrdinalIgnoreCase)) : null)
                    ?? existing.FirstOrDefault(c => c.Link == form.Link);
                planned.Add((row, form, match));
            }
            errors.AddRange(rowErrors);
        }
        if (errors.Count > 0)
        {
            return new CallImportResult([], errors, false);
        }
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var outcome = new List<CallImportRow>();
        foreach (var (row, form, match) in planned)
        {
            if (match is not null)
            {
                editor.Update(match, form);
                outcome.Add(new CallImportRow(row.Line, match.Title, match.Slug, Created: false));
            }
            else
            {
                var call = await editor.AddAsync(form, slugs, cancellationToken);
                outcome.Add(new CallImportRow(row.Line, call.Title, call.Slug, Created: true));
            }
        }
        if (dryRun)
        {
            db.ChangeTracker.Clear();
            return new CallImportResult(outcome, [], false);
        }
        // One SaveChanges: one transaction, so a failure stores none of the rows.
        await db.SaveChangesAsync(cancellationToken);
        return new CallImportResult(outcome, [], true);
    }

    /// <summary>The row as the form would have it; names that match no term or country are errors of their cell.</summary>
    private CallForm FormOf(CallCsvRow row, CallTermLookup terms, List<CallImportError> errors)
    {
        string? Cell(string column) => row.Cells.TryGetValue(column, out var value) ? value : null;
        var form = new CallForm
        {
            Programme = Cell("programme"),
            Title = Cell("title"),
            Identifier = Cell("identifier"),
            Link = Cell("link"),
            OpensOn = Cell("opens"),
            ClosesOn = Cell("closes"),
            ClosingTime = Cell("closing_time"),
            TimeZone = Cell("time_zone"),
            BudgetAmount = Cell("budget_amount"),
            BudgetCurrency = Cell("budget_currency"),
            BudgetText = Cell("budget_text"),
            Summary = Cell("summary")?.Replace("\r\n", "\n", StringComparison.Ordinal),
            Tags = Cell("tags") is { } tags ? string.Join(",", CallCsvColumns.Values(tags)) : null,
        };
        foreach (var name in CallCsvColumns.Values(Cell("eligible_countries") ?? ""))
        {
            if (countries.Find(name) is { } country)
            {
                form.EligibleCountries.Add(country.Code);
            }
            else
            {
                errors.Add(new CallImportError(row.Line, "eligible_countries", $"\"{name}\" is not a country's name or two-letter code"));
            }
        }
        foreach (var (field, property, vocabulary) in CallForm.TermFields)
        {
            var column = CallCsvColumns.ColumnOf(property);
            foreach (var name in CallCsvColumns.Values(Cell(column) ?? ""))
            {
                if (terms.Find(vocabulary, name) is { } term)
                {
                    form.TermsOf(field).Add(term.Id);
                }
                else
                {
                    errors.Add(new CallImportError(row.Line, column, $"\"{name}\" is not a term of {Vocabulary.NameOf(vocabulary).ToLowerInvariant()} (by its id or its name in English, Serbian or German)"));
                }
            }
        }
        if (form.Link is { } link && LinkPolicy.NormaliseWebAddress(link) is { } normalised)
        {
            form.Link = normalised;
        }
        return form;
    }
}

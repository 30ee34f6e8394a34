using System.Data.Common;
using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace ClusterAtlas.ClusterDirectory;

/// <summary>
/// Reads the directory's entries from the database: the published profiles' columns that the directory keeps and their
/// vocabulary terms, the entries in name order. Plain SQL rather than EF queries, the term rows on a connection of their
/// own while the profile rows are read in parts: at a million profiles (and ten million term rows) EF's work per row
/// was most of a first start's time (docs/decisions/0031-a-million-profiles.md, fifth measurement). The database's own
/// representations (enums as names, SQLite's dates as numbers and lists as JSON) are turned back by the EF model's
/// converters, so they cannot disagree with it.
/// </summary>
public sealed class DirectoryLoader(IServiceScopeFactory scopes)
{
    private const string Columns = "\"Id\", \"Slug\", \"Name\", \"Acronym\", \"CountryCode\", \"RegionName\", \"ExcellenceLabel\", \"TotalMembers\", "
        + "\"PublishedAt\", \"IsSampleData\", \"RelyOnContactRequests\", \"CountriesInEurope\", \"CountriesOutsideEurope\", \"Latitude\", "
        + "\"Longitude\", \"LocationPrecision\", \"EstablishedOn\", \"SmeMembers\", \"StartupMembers\", \"LargeCompanyMembers\", "
        + "\"ResearchOrganisationMembers\", \"OtherEcosystemActors\"";

    private const int ColumnCount = 22;

    /// <summary>Below this many profiles their rows are read in one part.</summary>
    private const int PartMinimum = 20_000;

    /// <summary>
    /// Every published profile's entry. The term rows are read on a connection of their own; the profile rows in parts
    /// by id range, one per processor, each on a connection of its own, each row made an entry as it is read. Reading
    /// is mostly the driver's work per column, which one core did alone; a million rows held as objects until the end
    /// cost more in the garbage collector's copying than in reading.
    /// </summary>
    public Task<DirectoryEntries> LoadAllAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken) =>
        LoadAllAsync(db, null, cancellationToken);

    /// <param name="parts">How many parts to read the profile rows in; by default one per processor, or one for fewer than 20,000 profiles.</param>
    internal async Task<DirectoryEntries> LoadAllAsync(ClusterAtlasDbContext db, int? parts, CancellationToken cancellationToken)
    {
        var terms = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return (await ReadTermRowsAsync(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>(), null, cancellationToken)).Group();
        }, cancellationToken);
        (DirectoryEntries Entries, string[] Names, int[] InNameOrder)[] loaded;
        try
        {
            var (first, last, count) = await IdRangeAsync(db, cancellationToken);
            parts ??= count < PartMinimum ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 8);
            var width = (last - first + parts.Value) / parts.Value;
            loaded = await Task.WhenAll(Enumerable.Range(0, parts.Value).Select(part =>
                Task.Run(() => ReadPartAsync(first + (part * width), Math.Min(last, first + ((part + 1) * width) - 1), terms, cancellationToken), cancellationToken)));
        }
        catch
        {
            // The terms' failure (a database gone) is the same one: observed, not left to the finalizer.
            _ = terms.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        // The entries in name order: searches walk their matches in name order (the relevance tiers, the name sort),
        // reading each one's words and terms, and at a million entries those reads in the database's order missed the
        // processor's caches: three times the time of a three-word search. Each part is sorted by its task, then merged, and
        // the columns gathered in that order.
        var total = loaded.Sum(part => part.Entries.Count);
        var (partOf, positionOf) = (new int[total], new int[total]);
        var next = new int[loaded.Length];
        for (var i = 0; i < total; i++)
        {
            var head = -1;
            for (var p = 0; p < loaded.Length; p++)
            {
                if (next[p] < loaded[p].InNameOrder.Length && (head < 0 || ComesFirst(p, head)))
                {
                    head = p;
                }
            }
            (partOf[i], positionOf[i]) = (head, loaded[head].InNameOrder[next[head]++]);
        }
        return DirectoryEntriesGather.Gather([.. loaded.Select(part => part.Entries)], partOf, positionOf).WithOrders();

        bool ComesFirst(int part, int other)
        {
            var (a, b) = (loaded[part].InNameOrder[next[part]], loaded[other].InNameOrder[next[other]]);
            return DirectoryEntries.CompareNames(loaded[part].Names[a], loaded[part].Entries.Ids[a], loaded[other].Names[b], loaded[other].Entries.Ids[b]) < 0;
        }
    }

    /// <summary>
    /// The published profiles with ids from <paramref name="from"/> to <paramref name="to"/>, read while the term rows
    /// are and given their terms once both are in, and their positions in name order.
    /// </summary>
    private async Task<(DirectoryEntries Entries, string[] Names, int[] InNameOrder)> ReadPartAsync(long from, long to, Task<TermRows.Grouped> terms, CancellationToken cancellationToken)
    {
        var builder = new DirectoryEntries.Builder();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var ids = string.Create(CultureInfo.InvariantCulture, $"BETWEEN {from} AND {to}");
            await ReadProfilesAsync(scope.ServiceProvider.GetRequiredService<ClusterAtlasDbContext>(), ids, null, builder.Add, cancellationToken);
        }
        // Its connection back in the pool first: the term rows can take longer than the profile rows.
        builder.SetTerms((await terms).Of);
        var entries = builder.Columns();
        var names = new string[entries.Count];
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++)
        {
            (names[i], order[i]) = (entries[i].Name, i);
        }
        Array.Sort(order, (a, b) => DirectoryEntries.CompareNames(names[a], entries.Ids[a], names[b], entries.Ids[b]));
        return (entries, names, order);
    }

    private static async Task<(long First, long Last, long Count)> IdRangeAsync(ClusterAtlasDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await FullTextEngine.CommandAsync(db, "SELECT MIN(\"Id\"), MAX(\"Id\"), COUNT(*) FROM \"ClusterOrganisations\"", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)
            ? (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture))
            : (0, 0, 0);
    }

    /// <summary>The entries of those of <paramref name="profileIds"/> that are published (the rest are left out).</summary>
    public async Task<List<DirectoryEntryData>> LoadAsync(ClusterAtlasDbContext db, IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken)
    {
        var entries = new List<DirectoryEntryData>(profileIds.Count);
        if (profileIds.Count > 0)
        {
            var ids = $"IN ({string.Join(',', profileIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))})";
            var terms = (await ReadTermRowsAsync(db, ids, cancellationToken)).Group();
            await ReadProfilesAsync(db, ids, terms, entries.Add, cancellationToken);
        }
        return entries;
    }

    /// <summary>The term rows in the table's own order (a sort by the database cost five times the reading).</summary>
    /// <param name="ids">Which profiles' rows, as SQL after the column ("IN (...)"), or null for all.</param>
    private static async Task<TermRows> ReadTermRowsAsync(ClusterAtlasDbContext db, string? ids, CancellationToken cancellationToken)
    {
        var rows = new TermRows();
        var sql = "SELECT \"ClusterOrganisationId\", \"VocabularyTermId\", \"SortOrder\" FROM \"ProfileTerm\"" + (ids is null ? "" : $" WHERE \"ClusterOrganisationId\" {ids}");
        await using var command = await FullTextEngine.CommandAsync(db, sql, cancellationToken);
        if (ids is null && command.Connection is SqliteConnection sqlite)
        {
            ReadTermRows(sqlite, sql, rows, cancellationToken);
            return rows;
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Synchronous reads: an awaited read per row cost more than the row.
        while (reader.Read())
        {
            rows.Add(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            if ((rows.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return rows;
    }

    /// <summary>
    /// Every term row of SQLite through its own interface: three numbers a row, ten million rows at a million profiles
    /// (<see cref="SqliteRawRows"/>).
    /// </summary>
    internal static void ReadTermRows(SqliteConnection connection, string sql, TermRows rows, CancellationToken cancellationToken) =>
        SqliteRawRows.Read(connection, sql, null,
            statement => rows.Add(raw.sqlite3_column_int(statement, 0), raw.sqlite3_column_int(statement, 1), raw.sqlite3_column_int(statement, 2)),
            cancellationToken);

    /// <summary>
    /// Each published profile's row (of <paramref name="ids"/>, as SQL after the column, or all) as an entry, handed to
    /// <paramref name="add"/> as it is read; its terms from <paramref name="terms"/>, or none when they are not read yet
    /// (the caller gives them afterwards: the profile rows are read while the term rows are).
    /// </summary>
    private static async Task ReadProfilesAsync(ClusterAtlasDbContext db, string? ids, TermRows.Grouped? terms, Action<DirectoryEntryData> add, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(ClusterOrganisation))!;
        ConvertedOnce ConverterOf(string property) => new(entity.FindProperty(property)!.GetTypeMapping().Converter);
        var (published, label, precision, inEurope, outsideEurope) = (ConverterOf(nameof(ClusterOrganisation.PublishedAt)),
            ConverterOf(nameof(ClusterOrganisation.ExcellenceLabel)), ConverterOf(nameof(ClusterOrganisation.LocationPrecision)),
            ConverterOf(nameof(ClusterOrganisation.CountriesInEurope)), ConverterOf(nameof(ClusterOrganisation.CountriesOutsideEurope)));
        var status = entity.FindProperty(nameof(ClusterOrganisation.Status))!.GetTypeMapping().Converter is { } statusConverter
            ? statusConverter.ConvertToProvider(ProfileStatus.Published)!
            : ProfileStatus.Published;
        // SQLite's unary plus keeps it from the index on the status: through it, a part's rows were read in the order of
        // publication, each looked up in the table and then sorted by id, six times the time of reading the id range.
        var sql = $"SELECT {Columns} FROM \"ClusterOrganisations\" WHERE {(db is PostgresClusterAtlasDbContext ? "" : "+")}\"Status\" = @status"
            + (ids is null ? "" : $" AND \"Id\" {ids}") + " ORDER BY \"Id\"";
        await using var command = await FullTextEngine.CommandAsync(db, sql, cancellationToken);
        var words = new NameWords();
        var values = new object[ColumnCount];
        if (command.Connection is SqliteConnection sqlite)
        {
            SqliteRawRows.Read(sqlite, sql, new Dictionary<string, object> { ["@status"] = status }, statement =>
            {
                for (var column = 0; column < values.Length; column++)
                {
                    values[column] = SqliteRawRows.Value(statement, column);
                }
                add(Entry());
            }, cancellationToken);
            return;
        }
        FullTextEngine.Add(command, "@status", status);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Synchronous reads, and the row's values at once: an awaited read per row, and a test for null and a read
        // per column (each a call into the driver), cost more than the row.
        for (var row = 1; reader.Read(); row++)
        {
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            reader.GetValues(values);
            add(Entry());
        }

        // The entry of the row in values.
        DirectoryEntryData Entry()
        {
            var id = Convert.ToInt32(values[0], CultureInfo.InvariantCulture);
            var name = (string)values[2];
            var acronym = values[3] as string;
            var regionName = values[5] as string;
            var (nameWords, nameStems) = words.Of(SearchDocument.Fold(name + " " + acronym));
            return new DirectoryEntryData
            {
                Id = id,
                Slug = (string)values[1],
                Name = name,
                Acronym = acronym,
                CountryCode = values[4] as string,
                Region = string.IsNullOrWhiteSpace(regionName) ? null : regionName.Trim(),
                Label = (ExcellenceLabel?)label.From(values[6]),
                TotalMembers = IntOrNull(values[7]),
                PublishedAt = published.From(values[8]) switch
                {
                    DateTimeOffset at => at,
                    // PostgreSQL's timestamp with time zone comes as a UTC DateTime.
                    DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                    _ => null,
                },
                IsSampleData = Convert.ToBoolean(values[9], CultureInfo.InvariantCulture),
                RelyOnContactRequests = Convert.ToBoolean(values[10], CultureInfo.InvariantCulture),
                NameWords = nameWords,
                NameStems = nameStems,
                TermIds = terms?.Of(id) ?? [],
                CooperationCountries = CountriesOf(inEurope.From(values[11]), outsideEurope.From(values[12])),
                Latitude = values[13] is DBNull ? null : Convert.ToDouble(values[13], CultureInfo.InvariantCulture),
                Longitude = values[14] is DBNull ? null : Convert.ToDouble(values[14], CultureInfo.InvariantCulture),
                LocationPrecision = (LocationPrecision?)precision.From(values[15]),
                EstablishedYear = values[16] switch
                {
                    DateOnly date => date.Year,
                    DateTime date => date.Year,
                    string date => DateOnly.Parse(date, CultureInfo.InvariantCulture).Year,
                    _ => null,
                },
                SmeMembers = IntOrNull(values[17]),
                StartupMembers = IntOrNull(values[18]),
                LargeCompanyMembers = IntOrNull(values[19]),
                ResearchOrganisationMembers = IntOrNull(values[20]),
                OtherEcosystemActors = IntOrNull(values[21]),
            };
        }
    }

    /// <summary>Both lists' countries, each once. (Not interned here: the entries' builder keeps each string once.)</summary>
    private static string[] CountriesOf(object? inEurope, object? outsideEurope)
    {
        var (first, second) = (inEurope as IEnumerable<string> ?? [], outsideEurope as IEnumerable<string> ?? []);
        return first.TryGetNonEnumeratedCount(out var a) && a == 0 && second.TryGetNonEnumeratedCount(out var b) && b == 0
            ? []
            : [.. first.Concat(second).Distinct()];
    }

    private static int? IntOrNull(object value) => value is DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>
    /// A column's values as the model has them, through its converter, each text converted once per read: the EF
    /// converter of a list kept as JSON looked up its reader by reflection on every call, 2 s of a first start at a
    /// million profiles, for a few hundred different lists (0042).
    /// </summary>
    private sealed class ConvertedOnce(ValueConverter? converter)
    {
        /// <summary>Texts kept at most, so that a column of texts all different does not keep them all.</summary>
        private const int MaxKept = 10_000;

        private readonly Dictionary<string, object?> _byText = new(StringComparer.Ordinal);

        public object? From(object value)
        {
            if (value is DBNull)
            {
                return null;
            }
            if (converter is null)
            {
                return value;
            }
            if (value is not string text)
            {
                return converter.ConvertFromProvider(value);
            }
            if (!_byText.TryGetValue(text, out var converted))
            {
                converted = converter.ConvertFromProvider(text);
                if (_byText.Count < MaxKept)
                {
                    _byText[text] = converted;
                }
            }
            return converted;
        }
    }
}

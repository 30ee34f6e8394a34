using System.Text.Json;
using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using CsCheck;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>
/// The directory's entries in columns (docs/decisions/0031-a-million-profiles.md): every value an entry is given comes
/// back from its columns, from a copy of them (a refresh copies the unchanged entries) and from the snapshot file;
/// a file damaged inside is not read.
/// </summary>
public sealed class DirectoryEntriesTests
{
    // Names equal but for case too: the orders treat them as one name.
    private static readonly Gen<string> Text = Gen.Int[0, 5].SelectMany(kind => kind switch
    {
        0 => Gen.Const(() => "Vojvodina Metal Cluster"),
        1 => Gen.Const(() => "Klaster Čačak – Ωmega 🚀"),
        2 => Gen.Const(() => "VOJVODINA METAL CLUSTER"),
        3 => Gen.Const(() => "vojvodina metal cluster"),
        _ => Gen.String[0, 40].Where(s => !s.Any(char.IsSurrogate)),
    });
    private static readonly Gen<string?> Code = Maybe(Pick("RS", "DE", "AT", "HR"));
    private static readonly Gen<int?> Number = Maybe(Gen.Int[0, 5000]);
    private static readonly Gen<string[]> Words = Pick("metal", "cluster", "vojvodina", "čačak", "ict").Array[0, 5];

    private static readonly Gen<DirectoryEntryData> Entry =
        Gen.Select(Gen.Int[1, 1_000_000], Text, Text, Maybe(Gen.String[1, 8]), Code, Maybe(Text))
        .Select(Gen.Select(Maybe(Gen.Enum<ExcellenceLabel>()), Number, Maybe(Gen.DateTimeOffset), Gen.Bool, Gen.Bool, Words, Gen.Int[1, 400].Array[0, 12]),
            Gen.Select(Pick("RS", "DE", "AT", "HR").Array[0, 4], Maybe(Gen.Double[-90, 90]), Maybe(Gen.Double[-180, 180]), Maybe(Gen.Enum<LocationPrecision>()), Number.Array[6, 6]),
            (a, b, c) => new DirectoryEntryData
            {
                Id = a.Item1,
                Name = a.Item2,
                Slug = a.Item3,
                Acronym = a.Item4,
                CountryCode = a.Item5,
                Region = a.Item6,
                Label = b.Item1,
                TotalMembers = b.Item2,
                PublishedAt = b.Item3 is { } published ? new DateTimeOffset(published.UtcTicks, TimeSpan.Zero) : null,
                IsSampleData = b.Item4,
                RelyOnContactRequests = b.Item5,
                NameWords = b.Item6,
                NameStems = [.. b.Item6.Select(w => w.TrimEnd('s'))],
                TermIds = b.Item7,
                CooperationCountries = [.. c.Item1.Distinct()],
                Latitude = c.Item2,
                Longitude = c.Item3,
                LocationPrecision = c.Item4,
                EstablishedYear = c.Item5[0],
                SmeMembers = c.Item5[1],
                StartupMembers = c.Item5[2],
                LargeCompanyMembers = c.Item5[3],
                ResearchOrganisationMembers = c.Item5[4],
                OtherEcosystemActors = c.Item5[5],
            });

    [Fact]
    public void Every_value_comes_back_from_the_columns_a_copy_of_them_and_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("entries");
        try
        {
            Entry.Array[0, 30].Sample(data =>
            {
                var entries = Columns(data);
                Assert.Equal(data.Select(Describe), entries.Select(e => Describe(e.ToData())));

                // Gathered from two halves, last first (as a load merges its parts, and a refresh the changed entries).
                var half = data.Length / 2;
                var sources = new[] { Columns(data[..half]), Columns(data[half..]) };
                var backwards = Enumerable.Range(0, data.Length).Reverse().ToArray();
                var copy = DirectoryEntriesGather.Gather(sources, [.. backwards.Select(i => i < half ? 0 : 1)], [.. backwards.Select(i => i < half ? i : i - half)]);
                Assert.Equal(data.Reverse().Select(Describe), copy.WithOrders().Select(e => Describe(e.ToData())));

                // A file per sample: samples run side by side.
                var path = Path.Combine(folder.FullName, $"{Guid.NewGuid():N}.bin");
                var stamp = new DirectoryStamp(data.Length, 1, DateTimeOffset.UnixEpoch, 2, 3, 4);
                DirectorySnapshotFile.Write(path, stamp, entries);
                var read = DirectorySnapshotFile.TryRead(path, stamp)!;
                Assert.Equal(data.Select(Describe), read.Select(e => Describe(e.ToData())));
                Assert.Equal(entries.ByName, read.ByName);
                Assert.Equal(entries.ByNewest, read.ByNewest);
                Assert.Equal(entries.ByMembers, read.ByMembers);

                // The orders, as the directory sorts: by name then id; newest first then id; most members first then name.
                Assert.Equal(data.Select((e, i) => (e, i)).OrderBy(x => x.e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.e.Id).Select(x => x.i), entries.ByName);
                Assert.Equal(data.Select((e, i) => (e, i)).OrderByDescending(x => x.e.PublishedAt).ThenBy(x => x.e.Id).Select(x => x.i), entries.ByNewest);
                Assert.Equal(data.Select((e, i) => (e, i)).OrderByDescending(x => x.e.TotalMembers ?? -1).ThenBy(x => x.e.Name, StringComparer.OrdinalIgnoreCase).Select(x => x.i), entries.ByMembers);
            }, iter: 200);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Twelve_thousand_entries_are_gathered_and_sorted_on_several_processors_as_a_few_are()
    {
        // Above 10,000 entries the columns are gathered, and the orders sorted, side by side.
        // (Ids are unique in a directory: ties of equal names end with them.)
        var data = Entry.Array[12_000, 12_000].Single().DistinctBy(e => e.Id).ToArray();
        var entries = Columns(data);
        Assert.Equal(data.Select((e, i) => (e, i)).OrderBy(x => x.e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.e.Id).Select(x => x.i), entries.ByName);
        Assert.Equal(data.Select((e, i) => (e, i)).OrderByDescending(x => x.e.PublishedAt).ThenBy(x => x.e.Id).Select(x => x.i), entries.ByNewest);
        Assert.Equal(data.Select((e, i) => (e, i)).OrderByDescending(x => x.e.TotalMembers ?? -1).ThenBy(x => x.e.Name, StringComparer.OrdinalIgnoreCase).Select(x => x.i), entries.ByMembers);

        var half = data.Length / 2;
        var sources = new[] { Columns(data[..half]), Columns(data[half..]) };
        var backwards = Enumerable.Range(0, data.Length).Reverse().ToArray();
        var copy = DirectoryEntriesGather.Gather(sources, [.. backwards.Select(i => i < half ? 0 : 1)], [.. backwards.Select(i => i < half ? i : i - half)]);
        Assert.Equal(data.Reverse().Select(Describe), copy.WithOrders().Select(e => Describe(e.ToData())));

        // The second half alone: the table keeps the strings its entries refer to (and their words' stems), no others.
        var second = DirectoryEntriesGather.Gather(sources, [.. Enumerable.Repeat(1, data.Length - half)], [.. Enumerable.Range(0, data.Length - half)]);
        Assert.Equal(data[half..].Select(Describe), second.WithOrders().Select(e => Describe(e.ToData())));
        var referred = second.Acronyms.Concat(second.Countries).Concat(second.Regions).Concat(second.Cooperation).Concat(second.Words)
            .Concat(second.Words.Select(w => second.StemOf[w])).Where(i => i >= 0).ToHashSet();
        Assert.Equal(second.Strings.Length, referred.Count);
        Assert.True(second.Strings.Length < sources[0].Strings.Length + sources[1].Strings.Length);
    }

    [Fact]
    public void A_file_damaged_inside_its_columns_is_not_read()
    {
        var folder = Directory.CreateTempSubdirectory("entries");
        try
        {
            var entries = Columns(Entry.Array[5, 20].Where(data => data.Any(e => e.TermIds.Length > 0)).Single());
            var path = Path.Combine(folder.FullName, "entries.bin");
            var stamp = new DirectoryStamp(entries.Count, 1, DateTimeOffset.UnixEpoch, 2, 3, 4);
            DirectorySnapshotFile.Write(path, stamp, entries);
            var whole = File.ReadAllBytes(path);
            Assert.NotNull(DirectorySnapshotFile.TryRead(path, stamp));
            // Every byte after the magic and version changed, one at a time: the file is refused or reads as whole columns.
            for (var position = 8; position < whole.Length; position++)
            {
                var damaged = (byte[])whole.Clone();
                damaged[position] ^= 0xA5;
                File.WriteAllBytes(path, damaged);
                if (DirectorySnapshotFile.TryRead(path, stamp) is { } read)
                {
                    foreach (var e in read)
                    {
                        _ = Describe(e.ToData());
                    }
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct => Gen.Select(Gen.Int[0, 3], gen, (n, value) => n == 0 ? (T?)null : value);

    private static Gen<string?> Maybe(Gen<string> gen) => Gen.Select(Gen.Int[0, 3], gen, (n, value) => n == 0 ? null : value);

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static DirectoryEntries Columns(IEnumerable<DirectoryEntryData> data)
    {
        var builder = new DirectoryEntries.Builder();
        foreach (var entry in data)
        {
            builder.Add(entry);
        }
        return builder.Build();
    }

    private static string Describe(DirectoryEntryData e) => JsonSerializer.Serialize(e);
}

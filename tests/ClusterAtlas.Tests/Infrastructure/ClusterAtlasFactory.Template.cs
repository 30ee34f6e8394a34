using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// Hosts that start the same way start from a copy of one installation migrated and seeded once per test process: a
/// copied SQLite file, or a PostgreSQL database created from a template. Each host then starts exactly as a restarted
/// installation does (migrations and seeding find nothing to do). Migrating and seeding every host's database anew was
/// most of the suite's time; the first start itself is tested by the hosts that opt out (<see cref="StartsFromTemplate"/>)
/// and by setting CLUSTERATLAS_TEST_TEMPLATES=0, which makes every host migrate and seed its own database.
/// </summary>
public partial class ClusterAtlasFactory
{
    private static readonly bool TemplatesEnabled = Environment.GetEnvironmentVariable("CLUSTERATLAS_TEST_TEMPLATES") != "0";
    private static readonly ConcurrentDictionary<(bool LoadDemo, int Samples), Lazy<TemplateMaker>> Templates = new();
    // PostgreSQL refuses to copy a template that another session is reading, and a copy reads it: one copy at a time.
    private static readonly Lock PostgresCopies = new();
    private bool _materialised;

    /// <summary>False for a host whose start itself is under test (a first start, a misconfiguration).</summary>
    protected virtual bool StartsFromTemplate => true;

    /// <summary>Gives this host's data folder or database the template's content, once, before its first start.</summary>
    private void StartFromTemplate()
    {
        if (_materialised)
        {
            return;
        }
        _materialised = true;
        if (!TemplatesEnabled || !StartsFromTemplate)
        {
            return;
        }
        var template = Templates.GetOrAdd((LoadDemoContent, DemoSampleProfiles),
            key => new Lazy<TemplateMaker>(() => MakeTemplate(key.LoadDemo, key.Samples))).Value;
        if (_postgresDatabase is null)
        {
            Directory.CreateDirectory(_dataDirectory);
            foreach (var file in Directory.GetFiles(template._dataDirectory))
            {
                File.Copy(file, Path.Combine(_dataDirectory, Path.GetFileName(file)));
            }
            return;
        }
        lock (PostgresCopies)
        {
            using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString("postgres"));
            connection.Open();
            // The files copied whole: PostgreSQL 15's default writes every block of the copy through the WAL, which
            // cost its server 0.15 s of CPU for each 11 MB copy against 0.06 s (measured, 20 copies each way).
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\" TEMPLATE \"{template._postgresDatabase}\" STRATEGY FILE_COPY", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>Starts and stops one host of this kind, keeping its database as the template; removed when the process ends.</summary>
    private static TemplateMaker MakeTemplate(bool loadDemo, int samples)
    {
        var maker = new TemplateMaker(loadDemo, samples) { KeepDataOnDispose = true };
        _ = maker.Services;
        maker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (maker._postgresDatabase is null)
        {
            // The whole database in its one file: the write-ahead log folded in and removed, no mail of the start kept.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(maker._dataDirectory, "clusteratlas.db")};Pooling=False"))
            {
                connection.Open();
                using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                checkpoint.ExecuteNonQuery();
            }
            SqliteConnection.ClearAllPools();
            foreach (var leftover in Directory.GetFiles(maker._dataDirectory, "*-wal").Concat(Directory.GetFiles(maker._dataDirectory, "*-shm")))
            {
                File.Delete(leftover);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTemplate(maker);
        return maker;
    }

    private static void RemoveTemplate(TemplateMaker template)
    {
        try
        {
            if (template._postgresDatabase is null)
            {
                Directory.Delete(template._dataDirectory, recursive: true);
                return;
            }
            using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString("postgres"));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{template._postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        catch (Exception error) when (error is IOException or NpgsqlException)
        {
            // The test run is over: the throwaway server or the temp folder goes with the rest.
        }
    }

    private sealed class TemplateMaker(bool loadDemo, int samples) : ClusterAtlasFactory
    {
        protected override bool LoadDemoContent => loadDemo;

        protected override int DemoSampleProfiles => samples;

        protected override bool StartsFromTemplate => false;
    }
}

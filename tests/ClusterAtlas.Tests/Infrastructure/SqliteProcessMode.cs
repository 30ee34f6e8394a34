using System.Runtime.CompilerServices;
using ClusterAtlas.Data;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// SQLite in the test process as the platform sets it for its own (<see cref="SqliteConnectionSettings.ConfigureProcess"/>),
/// whichever test opens a connection first: SQLite takes the settings only before that.
/// </summary>
internal static class SqliteProcessMode
{
#pragma warning disable CA2255 // The suite is the one user of this assembly: its process is set up once, before any test.
    [ModuleInitializer]
    internal static void Configure() => SqliteConnectionSettings.ConfigureProcess();
#pragma warning restore CA2255
}

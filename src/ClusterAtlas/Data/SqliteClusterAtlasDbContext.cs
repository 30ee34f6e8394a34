using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClusterAtlas.Data;

public sealed class SqliteClusterAtlasDbContext(DbContextOptions<SqliteClusterAtlasDbContext> options)
    : ClusterAtlasDbContext(options)
{
    /// <summary>
    /// SQLite cannot sort or compare DateTimeOffset text; stored as a number (all times are UTC) it can.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

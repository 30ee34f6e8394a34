using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Data;

public sealed class PostgresConnectionStringTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_platforms()
    {
        Assert.Equal("Host=db;Database=atlas;Maximum Pool Size=16", PostgresConnectionString.WithDefaults("Host=db;Database=atlas"));
        Assert.Equal("Host=db;Database=atlas;Maximum Pool Size=16", PostgresConnectionString.WithDefaults("Host=db;Database=atlas; "));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50")]
    [InlineData("Host=db;max pool size=50")]
    [InlineData("Host=db;MaxPoolSize=50")]
    public void An_operators_pool_size_is_kept(string connectionString) =>
        Assert.Equal(connectionString, PostgresConnectionString.WithDefaults(connectionString));

    [Fact]
    public void A_malformed_connection_string_is_left_for_Npgsql_to_report() =>
        Assert.Equal("Host=db;Database", PostgresConnectionString.WithDefaults("Host=db;Database"));

    [PostgresFact("the pool size applies to the PostgreSQL connection string only")]
    public async Task The_app_connects_with_the_smaller_pool()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Equal(PostgresConnectionString.DefaultMaxPoolSize, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize);
    }
}

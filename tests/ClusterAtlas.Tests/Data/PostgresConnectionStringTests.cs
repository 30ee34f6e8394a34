using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClusterAtlas.Tests.Data;

public sealed class PostgresConnectionStringTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_platforms_default_of_16()
    {
        Assert.Equal("Host=db;Database=atlas;Maximum Pool Size=16", PostgresConnectionString.WithDefaults("Host=db;Database=atlas"));
        Assert.Equal("Host=db;Database=atlas;Maximum Pool Size=16", PostgresConnectionString.WithDefaults("Host=db;Database=atlas; "));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50")]
    [InlineData("Host=db;maximum pool size=50")]
    [InlineData("Host=db;MaxPoolSize=50")]
    public void An_operators_pool_size_is_kept(string connectionString) =>
        Assert.Equal(connectionString, PostgresConnectionString.WithDefaults(connectionString));

    [Fact]
    public void A_minimum_pool_above_the_default_raises_the_maximum_with_it() =>
        Assert.Equal("Host=db;Minimum Pool Size=20;Maximum Pool Size=20", PostgresConnectionString.WithDefaults("Host=db;Minimum Pool Size=20"));

    [Fact]
    public void A_malformed_connection_string_is_left_for_Npgsql_to_report() =>
        Assert.Equal("Host=db;Database", PostgresConnectionString.WithDefaults("Host=db;Database"));

    [PostgresFact("the pool size applies to the PostgreSQL connection string only")]
    public async Task The_app_connects_with_the_smaller_pool()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Equal(PostgresConnectionString.DefaultMaxPoolSize, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize);
    }

    [PostgresFact("the pool and its message are Npgsql's")]
    public async Task A_pool_whose_connections_are_all_in_use_is_told_apart_from_a_server_that_cannot_be_reached()
    {
        // A pool of its own (its string is its key): one connection, a second waits a second.
        var connectionString = TestDatabase.PostgresConnectionString("postgres") + ";Maximum Pool Size=1;Timeout=1;Application Name=pool-exhaustion-test";
        await using var held = new NpgsqlConnection(connectionString);
        await held.OpenAsync();
        await using var waiting = new NpgsqlConnection(connectionString);
        var error = await Assert.ThrowsAsync<NpgsqlException>(() => waiting.OpenAsync());

        Assert.True(StorageFaults.IsPoolExhausted(error), error.Message);
        var explained = StorageFaults.Explain(new InvalidOperationException("wrapped", error), new ClusterAtlasOptions(), connectionString);
        Assert.NotNull(explained);
        Assert.Contains("was in use", explained, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be reached", explained, StringComparison.Ordinal);
        Assert.False(StorageFaults.IsPoolExhausted(new NpgsqlException("Exception while connecting", new TimeoutException())));
    }
}

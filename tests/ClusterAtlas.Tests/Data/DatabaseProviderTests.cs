using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Data;

public sealed class DatabaseProviderTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_suite_runs_on_the_database_it_was_asked_for()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task The_migrations_describe_the_whole_model()
    {
        // Starts skip EF's own check for a forgotten migration (DataServices): this is where it is made.
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "the model has changes that no migration makes: add one with scripts/add-migration.sh");
    }
}

using System.Buffers.Binary;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>The product hashes passwords with the full work, whatever the other test hosts save on it.</summary>
public sealed class PasswordWorkTests(PasswordWorkTests.ProductPasswordWork app) : IClassFixture<PasswordWorkTests.ProductPasswordWork>
{
    public sealed class ProductPasswordWork : ClusterAtlasFactory
    {
        protected override bool LoadDemoContent => false;

        protected override int? PasswordHashRounds => null;
    }

    [Fact]
    public async Task A_stored_password_hash_records_at_least_100000_pbkdf2_rounds()
    {
        var email = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(email);
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());
        var bytes = Convert.FromBase64String(hash);
        // ASP.NET Core Identity's format 3: a marker byte 0x01, the PRF, then the round count (big-endian).
        Assert.Equal(0x01, bytes[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) >= 100_000, "the product's hashes keep 100,000 rounds or more");
    }
}

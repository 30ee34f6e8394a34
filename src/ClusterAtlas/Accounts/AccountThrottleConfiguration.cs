using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Accounts;

internal sealed class AccountThrottleConfiguration : IEntityTypeConfiguration<AccountThrottle>
{
    public void Configure(EntityTypeBuilder<AccountThrottle> builder)
    {
        builder.Property(t => t.Purpose).HasMaxLength(20);
        builder.Property(t => t.Subject).HasMaxLength(256);
        builder.Property(t => t.Client).HasMaxLength(64);
        builder.HasIndex(t => new { t.Purpose, t.Subject, t.Client }).IsUnique();
        builder.HasIndex(t => t.WindowStartedAt);
    }
}

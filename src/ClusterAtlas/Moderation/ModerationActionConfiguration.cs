using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Moderation;

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ModeratorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ClusterOrganisation>().WithMany().HasForeignKey(a => a.ClusterOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.ModeratorName).HasMaxLength(200);
        builder.Property(a => a.ProfileName).HasMaxLength(300);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
    }
}

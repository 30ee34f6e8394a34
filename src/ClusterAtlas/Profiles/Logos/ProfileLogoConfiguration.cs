using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles.Logos;

internal sealed class ProfileLogoConfiguration : IEntityTypeConfiguration<ProfileLogo>
{
    public void Configure(EntityTypeBuilder<ProfileLogo> builder)
    {
        builder.HasOne<ClusterOrganisation>().WithMany().HasForeignKey(l => l.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ClusterOrganisationId, l.Sha256 }).IsUnique();
        builder.Property(l => l.Sha256).HasMaxLength(64);
        builder.Property(l => l.ContentType).HasMaxLength(40);
    }
}

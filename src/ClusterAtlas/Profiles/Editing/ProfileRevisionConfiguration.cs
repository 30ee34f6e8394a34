using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles.Editing;

internal sealed class ProfileRevisionConfiguration : IEntityTypeConfiguration<ProfileRevision>
{
    public void Configure(EntityTypeBuilder<ProfileRevision> builder)
    {
        builder.HasOne(r => r.ClusterOrganisation).WithMany().HasForeignKey(r => r.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);
        // The history outlives the author's account: the name stays, the link goes.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ProfileStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChangedFields).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ClusterOrganisationId, r.Id });
        builder.HasIndex(r => new { r.ProfileStatus, r.Id });
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Moderation;

internal sealed class EditReviewConfiguration : IEntityTypeConfiguration<EditReview>
{
    public void Configure(EntityTypeBuilder<EditReview> builder)
    {
        builder.HasKey(r => r.ProfileRevisionId);
        builder.HasOne<ProfileRevision>().WithOne().HasForeignKey<EditReview>(r => r.ProfileRevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.ReviewerName).HasMaxLength(200);
    }
}

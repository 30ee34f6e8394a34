using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.PartnerSearch;

internal sealed class PostingInterestConfiguration : IEntityTypeConfiguration<PostingInterest>
{
    public void Configure(EntityTypeBuilder<PostingInterest> builder)
    {
        builder.ToTable("PartnerSearchInterests");
        builder.HasOne<PartnerSearchPosting>().WithMany().HasForeignKey(i => i.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Profile).WithMany().HasForeignKey(i => i.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.UserName).HasMaxLength(200);
        builder.Property(i => i.Message).HasMaxLength(PostingInterest.MaxMessageLength);
        builder.HasIndex(i => new { i.PostingId, i.UserId }).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.HasIndex(i => i.ProfileId);
    }
}

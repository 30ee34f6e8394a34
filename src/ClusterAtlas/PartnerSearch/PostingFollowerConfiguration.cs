using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.PartnerSearch;

internal sealed class PostingFollowerConfiguration : IEntityTypeConfiguration<PostingFollower>
{
    public void Configure(EntityTypeBuilder<PostingFollower> builder)
    {
        builder.ToTable("PartnerSearchFollowers");
        builder.HasKey(f => new { f.PostingId, f.UserId });
        builder.HasOne<PartnerSearchPosting>().WithMany().HasForeignKey(f => f.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}

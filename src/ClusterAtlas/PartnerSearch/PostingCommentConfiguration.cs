using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.PartnerSearch;

internal sealed class PostingCommentConfiguration : IEntityTypeConfiguration<PostingComment>
{
    public void Configure(EntityTypeBuilder<PostingComment> builder)
    {
        builder.ToTable("PartnerSearchComments");
        builder.HasOne<PartnerSearchPosting>().WithMany().HasForeignKey(c => c.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PostingComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(PostingComment.MaxTextLength);
        builder.Property(c => c.RemovedByName).HasMaxLength(200);
        builder.Property(c => c.RemovalReason).HasMaxLength(PostingComment.MaxReasonLength);
        builder.HasIndex(c => new { c.PostingId, c.Id });
    }
}

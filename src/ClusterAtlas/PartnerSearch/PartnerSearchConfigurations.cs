using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.PartnerSearch;

internal sealed class PartnerSearchPostingConfiguration : IEntityTypeConfiguration<PartnerSearchPosting>
{
    public void Configure(EntityTypeBuilder<PartnerSearchPosting> builder)
    {
        builder.ToTable("PartnerSearchPostings");
        builder.HasOne(p => p.Profile).WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.Cascade);
        // A posting outlives its author's account: the name stays, the profile's administrators answer for it.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.AuthorName).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(PartnerSearchPosting.MaxTitleLength);
        builder.Property(p => p.Text).HasMaxLength(PartnerSearchPosting.MaxTextLength);
        builder.Property(p => p.CallName).HasMaxLength(PartnerSearchPosting.MaxCallTextLength);
        builder.Property(p => p.CallProgramme).HasMaxLength(PartnerSearchPosting.MaxCallTextLength);
        builder.Property(p => p.CallLink).HasMaxLength(Links.LinkPolicy.MaxLength);
        builder.HasMany(p => p.Terms).WithOne().HasForeignKey(t => t.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.Status, p.Deadline });
        builder.HasIndex(p => new { p.ProfileId, p.Status });
    }
}

internal sealed class PostingTermConfiguration : IEntityTypeConfiguration<PostingTerm>
{
    public void Configure(EntityTypeBuilder<PostingTerm> builder)
    {
        builder.ToTable("PartnerSearchPostingTerms");
        builder.HasKey(t => new { t.PostingId, t.Field, t.VocabularyTermId });
        builder.Property(t => t.Field).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.VocabularyTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VocabularyTermId);
    }
}

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

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

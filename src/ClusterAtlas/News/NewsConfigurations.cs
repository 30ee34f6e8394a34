using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.News;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("NewsItems");
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.Property(n => n.Slug).HasMaxLength(NewsItem.MaxSlugLength);
        builder.Property(n => n.Title).HasMaxLength(NewsItem.MaxTitleLength);
        builder.Property(n => n.Summary).HasMaxLength(NewsItem.MaxSummaryLength);
        builder.Property(n => n.Body).HasMaxLength(NewsItem.MaxBodyLength);
        builder.Property(n => n.ImageSha256).HasMaxLength(64);
        builder.Property(n => n.ImageAlt).HasMaxLength(NewsItem.MaxAltLength);
        builder.Property(n => n.SentBackReason).HasMaxLength(NewsItem.MaxReasonLength);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        // Editorial news has no profile; a profile's news goes with it.
        builder.HasOne(n => n.Profile).WithMany().HasForeignKey(n => n.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(n => n.RelatedProfiles).WithMany().UsingEntity("NewsRelatedProfiles",
            r => r.HasOne(typeof(ClusterOrganisation)).WithMany().HasForeignKey("ProfileId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(NewsItem)).WithMany().HasForeignKey("NewsItemId").OnDelete(DeleteBehavior.Cascade));
        builder.HasIndex(n => new { n.Status, n.PublishedAt });
        builder.HasIndex(n => new { n.ProfileId, n.Status });
    }
}

internal sealed class NewsImageConfiguration : IEntityTypeConfiguration<NewsImage>
{
    public void Configure(EntityTypeBuilder<NewsImage> builder)
    {
        builder.ToTable("NewsImages");
        builder.HasKey(i => i.NewsItemId);
        builder.HasOne<NewsItem>().WithOne().HasForeignKey<NewsImage>(i => i.NewsItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.ContentType).HasMaxLength(40);
    }
}

internal sealed class TrustedNewsProfileConfiguration : IEntityTypeConfiguration<TrustedNewsProfile>
{
    public void Configure(EntityTypeBuilder<TrustedNewsProfile> builder)
    {
        builder.ToTable("TrustedNewsProfiles");
        builder.HasKey(t => t.ProfileId);
        builder.HasOne<ClusterOrganisation>().WithMany().HasForeignKey(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.TrustedBy).HasMaxLength(200);
    }
}

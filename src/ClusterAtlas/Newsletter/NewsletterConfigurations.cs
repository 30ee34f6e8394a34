using ClusterAtlas.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Newsletter;

internal sealed class NewsletterSubscriptionConfiguration : IEntityTypeConfiguration<NewsletterSubscription>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscription> builder)
    {
        builder.ToTable("NewsletterSubscriptions");
        builder.Property(s => s.Email).HasMaxLength(NewsletterSubscription.MaxEmailLength);
        builder.Property(s => s.Language).HasMaxLength(10);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => new { s.Status, s.RequestedAt });
    }
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> builder)
    {
        builder.ToTable("NewsletterIssues");
        builder.Property(i => i.Key).HasMaxLength(NewsletterIssue.MaxKeyLength);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(NewsletterIssue.MaxSubjectLength);
        builder.Property(i => i.BodyMarkdown).HasMaxLength(NewsletterIssue.MaxBodyLength);
        builder.Property(i => i.AuthorUserId).HasMaxLength(450);
        // A week's digest is sent once: the second insert of its key fails and rolls back its messages.
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasMany(i => i.Deliveries).WithOne().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsletterDeliveryConfiguration : IEntityTypeConfiguration<NewsletterDelivery>
{
    public void Configure(EntityTypeBuilder<NewsletterDelivery> builder)
    {
        builder.ToTable("NewsletterDeliveries");
        builder.HasOne<NewsletterSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.OutboxMessage).WithMany().HasForeignKey(d => d.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.IssueId, d.SubscriptionId }).IsUnique();
    }
}

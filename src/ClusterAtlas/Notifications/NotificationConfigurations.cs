using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.MailState).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Actor).HasMaxLength(Notification.MaxActorLength);
        builder.Property(n => n.ActorLink).HasMaxLength(Notification.MaxLinkLength);
        builder.Property(n => n.Subject).HasMaxLength(Notification.MaxSubjectLength);
        builder.Property(n => n.Excerpt).HasMaxLength(Notification.MaxExcerptLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.MaxLinkLength);
        // The page and the unread count read by person; the mailer reads by state.
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.MailState, n.CreatedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("SavedSearches");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        builder.Property(s => s.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Query).HasMaxLength(SavedSearch.MaxQueryLength);
        builder.Property(s => s.CreatedAt);
        builder.HasIndex(s => new { s.UserId, s.Scope });
        builder.HasIndex(s => s.Scope);
    }
}

using ClusterAtlas.Accounts;
using ClusterAtlas.PartnerSearch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Contact;

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> builder)
    {
        builder.ToTable("ContactRequests");
        builder.HasOne(r => r.Profile).WithMany().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.SenderProfile).WithMany().HasForeignKey(r => r.SenderProfileId).OnDelete(DeleteBehavior.SetNull);
        // The conversation outlives the sender's account for its recipients: the name stays.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SenderUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PartnerSearchPosting>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.SenderName).HasMaxLength(200);
        builder.Property(r => r.Subject).HasMaxLength(ContactRequest.MaxSubjectLength);
        builder.Property(r => r.ReportedByName).HasMaxLength(200);
        builder.Property(r => r.ReportReason).HasMaxLength(ContactRequest.MaxReasonLength);
        builder.Property(r => r.ReportHandledByName).HasMaxLength(200);
        builder.Property(r => r.ReportOutcome).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(r => r.ProposedTimes, time =>
        {
            time.ToTable("ContactProposedTimes");
            time.WithOwner().HasForeignKey("RequestId");
            time.Property<int>("Id");
            time.HasKey("Id");
            time.Property(t => t.TimeZoneId).HasMaxLength(64);
        });
        builder.Ignore(r => r.LastMessageAt);
        builder.HasIndex(r => new { r.SenderUserId, r.CreatedAt });
        builder.HasIndex(r => r.ProfileId);
        builder.HasIndex(r => r.ReportedAt);
    }
}

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> builder)
    {
        builder.ToTable("ContactMessages");
        builder.HasOne<ContactRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.Text).HasMaxLength(ContactMessage.MaxTextLength);
        builder.HasIndex(m => new { m.RequestId, m.Id });
    }
}

internal sealed class ContactBlockConfiguration : IEntityTypeConfiguration<ContactBlock>
{
    public void Configure(EntityTypeBuilder<ContactBlock> builder)
    {
        builder.ToTable("ContactBlocks");
        builder.HasKey(b => b.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Reason).HasMaxLength(ContactRequest.MaxReasonLength);
        builder.Property(b => b.BlockedByName).HasMaxLength(200);
    }
}

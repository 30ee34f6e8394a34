using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("MailOutbox");
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.MaxAddressLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // What the worker asks for: unsent messages in the order they are due.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Events;

internal sealed class EventAttendanceConfiguration : IEntityTypeConfiguration<EventAttendance>
{
    public void Configure(EntityTypeBuilder<EventAttendance> builder)
    {
        builder.ToTable("EventAttendances");
        builder.HasKey(a => new { a.EventId, a.ProfileId });
        builder.HasOne(a => a.Event).WithMany(e => e.Attendances).HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Profile).WithMany().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.MarkedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.ProfileId);
    }
}

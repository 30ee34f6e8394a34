using System.Globalization;
using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClusterAtlas.Events;

internal sealed class ClusterEventConfiguration : IEntityTypeConfiguration<ClusterEvent>
{
    private const string WallClockFormat = "yyyy-MM-dd'T'HH:mm:ss";

    private static readonly ValueConverter<DateTime, string> WallClock = new(
        local => local.ToString(WallClockFormat, CultureInfo.InvariantCulture),
        text => DateTime.SpecifyKind(DateTime.ParseExact(text, WallClockFormat, CultureInfo.InvariantCulture), DateTimeKind.Unspecified));

    public void Configure(EntityTypeBuilder<ClusterEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(ClusterEvent.MaxSlugLength);
        builder.Property(e => e.Title).HasMaxLength(ClusterEvent.MaxTitleLength);
        builder.Property(e => e.Summary).HasMaxLength(ClusterEvent.MaxSummaryLength);
        builder.Property(e => e.Description).HasMaxLength(ClusterEvent.MaxDescriptionLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.TimeZone).HasMaxLength(ClusterEvent.MaxTimeZoneLength);
        // Wall-clock times without a zone: ISO text in both databases (PostgreSQL's timestamptz would take them for UTC).
        builder.Property(e => e.StartLocal).HasConversion(WallClock).HasMaxLength(19);
        builder.Property(e => e.EndLocal).HasConversion(WallClock).HasMaxLength(19);
        builder.Property(e => e.Venue).HasMaxLength(ClusterEvent.MaxPlaceLength);
        builder.Property(e => e.City).HasMaxLength(ClusterEvent.MaxPlaceLength);
        builder.Property(e => e.CountryCode).HasMaxLength(2);
        builder.Property(e => e.SubmittedByName).HasMaxLength(200);
        builder.Property(e => e.RegistrationUrl).HasMaxLength(Links.LinkPolicy.MaxLength);
        builder.Property(e => e.ReturnReason).HasMaxLength(Moderation.ModerationWorkflow.MaxReasonLength);
        // An organiser's events go with its profile; a submitter's account may go, the event stays with its organiser.
        builder.HasOne(e => e.OrganiserProfile).WithMany().HasForeignKey(e => e.OrganiserProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.SubmittedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => e.OrganiserProfileId);
    }
}

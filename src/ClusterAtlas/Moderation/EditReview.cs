using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Moderation;

/// <summary>
/// A change to a published profile that someone of the validation team has looked at: it leaves the edits feed's
/// default view (which shows what still needs a look), and who reviewed it and when stays known.
/// </summary>
public class EditReview
{
    /// <summary>The revision reviewed; one review per revision.</summary>
    public long ProfileRevisionId { get; set; }

    public DateTimeOffset ReviewedAt { get; set; }

    /// <summary>Null once the reviewer's account is deleted; <see cref="ReviewerName"/> stays.</summary>
    public string? ReviewerUserId { get; set; }

    public required string ReviewerName { get; set; }
}

internal sealed class EditReviewConfiguration : IEntityTypeConfiguration<EditReview>
{
    public void Configure(EntityTypeBuilder<EditReview> builder)
    {
        builder.HasKey(r => r.ProfileRevisionId);
        builder.HasOne<ProfileRevision>().WithOne().HasForeignKey<EditReview>(r => r.ProfileRevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.ReviewerName).HasMaxLength(200);
    }
}

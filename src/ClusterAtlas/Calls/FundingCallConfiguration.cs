using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Calls;

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> builder)
    {
        builder.ToTable("Calls");
        builder.Property(c => c.Slug).HasMaxLength(FundingCall.MaxSlugLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Programme).HasMaxLength(FundingCall.MaxProgrammeLength);
        builder.Property(c => c.Title).HasMaxLength(FundingCall.MaxTitleLength);
        builder.Property(c => c.Identifier).HasMaxLength(FundingCall.MaxIdentifierLength);
        builder.HasIndex(c => c.Identifier);
        builder.Property(c => c.Link).HasMaxLength(Links.LinkPolicy.MaxLength);
        builder.Property(c => c.ClosingTimeZone).HasMaxLength(64);
        builder.Property(c => c.BudgetAmount).HasPrecision(18, 2);
        builder.Property(c => c.BudgetCurrency).HasMaxLength(3);
        builder.Property(c => c.BudgetText).HasMaxLength(FundingCall.MaxBudgetTextLength);
        builder.Property(c => c.Summary).HasMaxLength(FundingCall.MaxSummaryLength);
        builder.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ClosesAt);
        builder.HasIndex(c => c.AddedAt);
    }
}

using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Network;

internal sealed class NetworkLinkConfiguration : IEntityTypeConfiguration<NetworkLink>
{
    public void Configure(EntityTypeBuilder<NetworkLink> builder)
    {
        builder.ToTable("NetworkLinks");
        builder.HasOne(l => l.Profile).WithMany().HasForeignKey(l => l.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.PartnerProfile).WithMany().HasForeignKey(l => l.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(l => l.PartnerKey).HasMaxLength(NetworkLink.MaxKeyLength);
        builder.Property(l => l.PartnerName).HasMaxLength(NetworkLink.MaxKeyLength);
        builder.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(l => l.Links);
        builder.HasIndex(l => new { l.ProfileId, l.PartnerKey, l.PartnerProfileId }).IsUnique();
        builder.HasIndex(l => l.PartnerProfileId);
    }
}

internal sealed class NetworkTermConfiguration : IEntityTypeConfiguration<NetworkTerm>
{
    public void Configure(EntityTypeBuilder<NetworkTerm> builder)
    {
        builder.ToTable("NetworkTerms");
        // Looked up by kind and term; a profile's rows are replaced by its id.
        builder.HasKey(t => new { t.Kind, t.Term, t.ProfileId });
        builder.Property(t => t.Term).HasMaxLength(PartnerMatcher.MaxTermLength);
        builder.HasOne<Profiles.ClusterOrganisation>().WithMany().HasForeignKey(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ProfileId);
    }
}

internal sealed class RecommendationDismissalConfiguration : IEntityTypeConfiguration<RecommendationDismissal>
{
    public void Configure(EntityTypeBuilder<RecommendationDismissal> builder)
    {
        builder.ToTable("RecommendationDismissals");
        builder.HasKey(d => new { d.ProfileId, d.DismissedProfileId });
        builder.HasOne(d => d.Profile).WithMany().HasForeignKey(d => d.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.DismissedProfile).WithMany().HasForeignKey(d => d.DismissedProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.DismissedProfileId);
    }
}

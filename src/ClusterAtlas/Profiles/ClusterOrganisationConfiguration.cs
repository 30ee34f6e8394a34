using ClusterAtlas.Profiles.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles;

internal sealed class ClusterOrganisationConfiguration : IEntityTypeConfiguration<ClusterOrganisation>
{
    public void Configure(EntityTypeBuilder<ClusterOrganisation> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.Status, p.PublishedAt });
        // The directory and the network look for the latest change every 2 seconds: without it MAX read every row.
        builder.HasIndex(p => p.UpdatedAt);
        // Every start looks for profiles stored before locations were computed: without it, a read of every row (1.3 s
        // at a million profiles). Partial, so it holds only those few.
        builder.HasIndex(p => p.LocationPrecision).HasDatabaseName("IX_ClusterOrganisations_Unlocated").HasFilter("\"LocationPrecision\" IS NULL");
        // The change time at which the network last matched the profile's collaborations (Network.NetworkLinker), kept
        // beside the profile but not part of it. Every instance looks for profiles written since, every 2 seconds:
        // partial, the index holds only those, usually none.
        builder.Property<DateTimeOffset?>(Network.NetworkLinker.MatchedAtProperty);
        builder.HasIndex([Network.NetworkLinker.MatchedAtProperty], "IX_ClusterOrganisations_NetworkUnmatched")
            .HasFilter("\"NetworkMatchedAt\" IS NULL OR \"NetworkMatchedAt\" <> \"UpdatedAt\"");
        // The change time the profile's rows of the network's term index were made from (Network.NetworkTerms); partial
        // in the same way: the profiles whose terms are to be made again, usually none.
        builder.Property<DateTimeOffset?>(Network.NetworkTerms.MadeAtProperty);
        builder.HasIndex([Network.NetworkTerms.MadeAtProperty], "IX_ClusterOrganisations_NetworkTermsStale")
            .HasFilter("\"NetworkTermsMadeAt\" IS NULL OR \"NetworkTermsMadeAt\" <> \"UpdatedAt\"");
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.Property(p => p.ManagementTeamFte).HasPrecision(6, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ExcellenceLabel).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.LocationPrecision).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(p => p.RejectionReason).HasMaxLength(2000);

        builder.HasMany(p => p.ManagementTeam).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SupportFacilities).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.MajorPlayers).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CollaboratingClusters).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SupportProgrammes).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SuccessStories).WithOne().HasForeignKey("ClusterOrganisationId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Terms).WithOne().HasForeignKey(t => t.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);

        // Every text's column limit is the schema's (which the form, the validator and the importer read too).
        foreach (var field in ProfileSchema.Fields)
        {
            LimitLength(builder.Metadata, field);
            foreach (var rowField in field.Group?.Fields ?? [])
            {
                LimitLength(builder.Metadata.Model.FindEntityType(field.Group!.EntityType)!, rowField);
            }
        }
    }

    private static void LimitLength(IMutableEntityType entity, ProfileSchemaField field)
    {
        if (field.MaxLength is { } max && field.EntityProperty is { } name && entity.FindProperty(name) is { ClrType: var type } property && type == typeof(string))
        {
            property.SetMaxLength(max);
        }
    }
}

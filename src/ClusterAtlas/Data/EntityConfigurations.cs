using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Logos;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using ClusterAtlas.Profiles.Schema;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Data;

internal sealed class ClusterOrganisationConfiguration : IEntityTypeConfiguration<ClusterOrganisation>
{
    public void Configure(EntityTypeBuilder<ClusterOrganisation> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.Status, p.PublishedAt });
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

internal sealed class ProfileLogoConfiguration : IEntityTypeConfiguration<ProfileLogo>
{
    public void Configure(EntityTypeBuilder<ProfileLogo> builder)
    {
        builder.HasOne<ClusterOrganisation>().WithMany().HasForeignKey(l => l.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ClusterOrganisationId, l.Sha256 }).IsUnique();
        builder.Property(l => l.Sha256).HasMaxLength(64);
        builder.Property(l => l.ContentType).HasMaxLength(40);
    }
}

internal sealed class ProfileAdministratorConfiguration : IEntityTypeConfiguration<ProfileAdministrator>
{
    public void Configure(EntityTypeBuilder<ProfileAdministrator> builder)
    {
        builder.HasKey(a => new { a.ClusterOrganisationId, a.UserId });
        builder.HasOne(a => a.ClusterOrganisation).WithMany(p => p.Administrators).HasForeignKey(a => a.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account removes its administration of profiles; the profiles stay.
        builder.HasOne(a => a.User).WithMany(u => u.AdministeredProfiles).HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class ProfileRevisionConfiguration : IEntityTypeConfiguration<ProfileRevision>
{
    public void Configure(EntityTypeBuilder<ProfileRevision> builder)
    {
        builder.HasOne(r => r.ClusterOrganisation).WithMany().HasForeignKey(r => r.ClusterOrganisationId).OnDelete(DeleteBehavior.Cascade);
        // The history outlives the author's account: the name stays, the link goes.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ProfileStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChangedFields).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ClusterOrganisationId, r.Id });
        builder.HasIndex(r => new { r.ProfileStatus, r.Id });
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ModeratorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ClusterOrganisation>().WithMany().HasForeignKey(a => a.ClusterOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.ModeratorName).HasMaxLength(200);
        builder.Property(a => a.ProfileName).HasMaxLength(300);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
    }
}

internal sealed class ManagementTeamMemberConfiguration : IEntityTypeConfiguration<ManagementTeamMember>
{
    public void Configure(EntityTypeBuilder<ManagementTeamMember> builder) =>
        builder.Property(m => m.ContactVisibility).HasConversion<string>().HasMaxLength(20);
}

internal sealed class SupportProgrammeConfiguration : IEntityTypeConfiguration<SupportProgramme>
{
    public void Configure(EntityTypeBuilder<SupportProgramme> builder) =>
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(30);
}

internal sealed class ProfileTermConfiguration : IEntityTypeConfiguration<ProfileTerm>
{
    public void Configure(EntityTypeBuilder<ProfileTerm> builder)
    {
        builder.HasKey(t => new { t.ClusterOrganisationId, t.Field, t.VocabularyTermId });
        builder.Property(t => t.Field).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.VocabularyTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VocabularyTermId);
    }
}

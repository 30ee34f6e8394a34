using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles;

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

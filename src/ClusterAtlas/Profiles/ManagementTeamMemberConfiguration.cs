using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles;

internal sealed class ManagementTeamMemberConfiguration : IEntityTypeConfiguration<ManagementTeamMember>
{
    public void Configure(EntityTypeBuilder<ManagementTeamMember> builder) =>
        builder.Property(m => m.ContactVisibility).HasConversion<string>().HasMaxLength(20);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Profiles;

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

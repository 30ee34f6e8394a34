using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Calls;

internal sealed class CallTermConfiguration : IEntityTypeConfiguration<CallTerm>
{
    public void Configure(EntityTypeBuilder<CallTerm> builder)
    {
        builder.ToTable("CallTerms");
        builder.HasKey(t => new { t.CallId, t.Field, t.VocabularyTermId });
        builder.Property(t => t.Field).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.VocabularyTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VocabularyTermId);
    }
}

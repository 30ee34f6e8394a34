using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.PartnerSearch;

internal sealed class PostingTermConfiguration : IEntityTypeConfiguration<PostingTerm>
{
    public void Configure(EntityTypeBuilder<PostingTerm> builder)
    {
        builder.ToTable("PartnerSearchPostingTerms");
        builder.HasKey(t => new { t.PostingId, t.Field, t.VocabularyTermId });
        builder.Property(t => t.Field).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.VocabularyTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VocabularyTermId);
    }
}

using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Citations).HasMaxLength(1000);
        builder.Property(c => c.Court).HasMaxLength(200);
        builder.Property(c => c.Jurisdiction).HasMaxLength(100);
        builder.Property(c => c.FileNumber).HasMaxLength(100);
        builder.Property(c => c.Judges).HasMaxLength(500);
        builder.Ignore(c => c.CitationList);
        builder.HasMany(c => c.RelatedCases).WithMany(c => c.RelatedFrom).UsingEntity("CaseRelations",
            l => l.HasOne(typeof(Case)).WithMany().HasForeignKey("RelatedCaseId").OnDelete(DeleteBehavior.Cascade),
            r => r.HasOne(typeof(Case)).WithMany().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade));
    }
}

using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        // The home page and feeds list published articles newest first.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Standfirst).HasMaxLength(600);
        builder.Property(a => a.CorrectionsNote).HasMaxLength(2000);
        builder.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Case).WithMany(c => c.Articles).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.FeatureImageAlt).HasMaxLength(Domain.MediaImage.AltMaxLength).IsRequired();
        builder.HasOne(a => a.FeatureImage).WithMany().HasForeignKey(a => a.FeatureImageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(60).IsRequired();
    }
}

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> builder)
    {
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.Property(r => r.OldSlug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        // A whole thread in reading order is one range scan on (ArticleId, Path).
        builder.HasIndex(c => new { c.ArticleId, c.Path });
        builder.HasIndex(c => new { c.ArticleId, c.Status });
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        builder.Property(c => c.Body).HasMaxLength(5000).IsRequired();
        builder.Property(c => c.Path).HasMaxLength(2000);
        builder.HasOne(c => c.Article).WithMany(a => a.Comments).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

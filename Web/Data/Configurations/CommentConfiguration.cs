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
        // A page of threads: the roots of an article, then every comment under those roots.
        builder.HasIndex(c => new { c.ArticleId, c.ParentId, c.CreatedAt });
        builder.HasIndex(c => new { c.RootId, c.Path });
        builder.HasIndex(c => new { c.ArticleId, c.Status });
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        // A commenter's record beside each queued comment (so many published, so many rejected) is counted from
        // this index alone, without reading the comments.
        builder.HasIndex(c => new { c.AuthorId, c.Status });
        builder.Property(c => c.Body).HasMaxLength(5000).IsRequired();
        builder.Property(c => c.Path).HasMaxLength(2000);
        builder.Property(c => c.ModerationReason).HasMaxLength(500);
        builder.Property(c => c.ModerationCode).HasMaxLength(60);
        builder.Property(c => c.SuppressionTerm).HasMaxLength(200);
        builder.Property(c => c.ModeratorNote).HasMaxLength(2000);
        // The moderation queues: by status, newest or oldest first, keyset-paged on (CreatedAt, Id).
        builder.HasIndex(c => new { c.Status, c.CreatedAt, c.Id });
        builder.HasOne(c => c.Article).WithMany(a => a.Comments).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentRevisionConfiguration : IEntityTypeConfiguration<CommentRevision>
{
    public void Configure(EntityTypeBuilder<CommentRevision> builder)
    {
        builder.HasIndex(r => r.CommentId);
        builder.Property(r => r.Body).HasMaxLength(5000).IsRequired();
        builder.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentRecommendationConfiguration : IEntityTypeConfiguration<CommentRecommendation>
{
    public void Configure(EntityTypeBuilder<CommentRecommendation> builder)
    {
        // One recommendation per reader per comment, enforced by the key itself.
        builder.HasKey(r => new { r.CommentId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BlogUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

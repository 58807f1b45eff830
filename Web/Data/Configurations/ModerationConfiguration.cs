using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> builder)
    {
        builder.HasIndex(d => new { d.CommentId, d.CreatedAt });
        builder.HasIndex(d => new { d.SubjectUserId, d.CreatedAt });
        builder.HasIndex(d => d.CreatedAt);
        builder.Property(d => d.Rule).HasMaxLength(60);
        builder.Property(d => d.ReasonCode).HasMaxLength(60);
        builder.Property(d => d.Note).HasMaxLength(2000);
        // No foreign keys: the record outlives whatever it is about.
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        // One open report per reader per comment.
        builder.HasIndex(r => new { r.CommentId, r.ReporterId }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasIndex(r => new { r.ResolvedAt, r.CommentId });
        builder.Property(r => r.Details).HasMaxLength(1000);
        builder.HasOne(r => r.Comment).WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSanctionConfiguration : IEntityTypeConfiguration<UserSanction>
{
    public void Configure(EntityTypeBuilder<UserSanction> builder)
    {
        builder.HasIndex(s => new { s.UserId, s.Kind });
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.HasOne<BlogUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationWordConfiguration : IEntityTypeConfiguration<ModerationWord>
{
    public void Configure(EntityTypeBuilder<ModerationWord> builder)
    {
        builder.HasIndex(w => new { w.Kind, w.Word }).IsUnique();
        builder.Property(w => w.Word).HasMaxLength(100).IsRequired();
    }
}

internal sealed class SuppressionOrderConfiguration : IEntityTypeConfiguration<SuppressionOrder>
{
    public void Configure(EntityTypeBuilder<SuppressionOrder> builder)
    {
        builder.HasIndex(o => o.CaseId);
        builder.Property(o => o.ProtectedRole).HasMaxLength(100);
        builder.Property(o => o.Terms).HasMaxLength(4000);
        builder.Ignore(o => o.TermList);
        builder.Ignore(o => o.SuppressedTerms);
        builder.Property(o => o.LiftReason).HasMaxLength(1000);
        builder.HasOne(o => o.Case).WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasIndex(c => c.Reference).IsUnique();
        // The job's question ("what is due now?") and the Legal queue's order.
        builder.HasIndex(c => new { c.Stage, c.DueAt });
        builder.HasIndex(c => new { c.Stage, c.Deadline });
        builder.HasIndex(c => new { c.CommentId, c.Stage });
        builder.HasIndex(c => c.ReceivedAt);
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        builder.Property(c => c.RegimeKey).HasMaxLength(40);
        builder.Property(c => c.ComplainantName).HasMaxLength(TextLimits.PersonName);
        builder.Property(c => c.ComplainantEmail).HasMaxLength(256);
        builder.Property(c => c.ComplainantPhone).HasMaxLength(40);
        builder.Property(c => c.ComplainantAddress).HasMaxLength(500);
        builder.Property(c => c.WhatIsWrong).HasMaxLength(TextLimits.ComplaintText);
        builder.Property(c => c.Why).HasMaxLength(TextLimits.ComplaintText);
        builder.Property(c => c.CounterNotice).HasMaxLength(TextLimits.ComplaintText);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        // A complaint is a legal record: it outlives the comment's deletion, so no cascade from the comment.
        builder.HasOne(c => c.Comment).WithMany().HasForeignKey(c => c.CommentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.HasIndex(e => new { e.ComplaintId, e.Id });
        builder.HasIndex(e => new { e.Kind, e.At });
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.MessageTo).HasMaxLength(256);
        builder.Property(e => e.MessageSubject).HasMaxLength(300);
        builder.Property(e => e.MessageBody).HasMaxLength(20_000);
        builder.HasOne<Complaint>().WithMany(c => c.Events).HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatementOfReasonsConfiguration : IEntityTypeConfiguration<StatementOfReasons>
{
    public void Configure(EntityTypeBuilder<StatementOfReasons> builder)
    {
        builder.ToTable("StatementsOfReasons");
        builder.HasIndex(s => new { s.UserId, s.IssuedAt });
        builder.HasIndex(s => s.IssuedAt);
        builder.HasIndex(s => s.CommentId);
        builder.Property(s => s.Facts).HasMaxLength(4000);
        builder.Property(s => s.GroundCode).HasMaxLength(60);
        builder.Property(s => s.Ground).HasMaxLength(500);
        // No foreign keys: the record outlives what it is about, as the decision log does.
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        // One appeal per statement.
        builder.HasIndex(a => a.StatementId).IsUnique();
        builder.HasIndex(a => new { a.Outcome, a.FiledAt });
        builder.Property(a => a.Text).HasMaxLength(TextLimits.ComplaintText);
        builder.Property(a => a.Decision).HasMaxLength(TextLimits.ComplaintText);
        builder.HasOne(a => a.Statement).WithMany().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

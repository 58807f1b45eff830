using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class BlogUserConfiguration : IEntityTypeConfiguration<BlogUser>
{
    public void Configure(EntityTypeBuilder<BlogUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(60).IsRequired();
        builder.Property(u => u.AuthorSlug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(u => u.AuthorSlug).IsUnique();
    }
}

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(AccountEvent.DetailMaxLength).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(AccountEvent.ReasonMaxLength).IsRequired();
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}

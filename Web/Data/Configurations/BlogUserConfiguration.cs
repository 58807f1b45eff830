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

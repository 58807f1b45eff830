using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasIndex(s => new { s.UserId, s.CurrentPeriodEnd });
        builder.Property(s => s.Plan).HasMaxLength(60).IsRequired();
        builder.Property(s => s.ExternalId).HasMaxLength(200);
        builder.Property(s => s.ExternalCustomerId).HasMaxLength(200);
        builder.HasIndex(s => s.ExternalId);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class AdConfiguration : IEntityTypeConfiguration<Ad>
{
    public void Configure(EntityTypeBuilder<Ad> builder)
    {
        builder.HasIndex(a => new { a.Slot, a.StartsAt });
        builder.Property(a => a.Name).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(300).IsRequired();
        builder.Property(a => a.LinkUrl).HasMaxLength(500).IsRequired();
        builder.Property(a => a.ImagePath).HasMaxLength(200);
    }
}

internal sealed class GiftCodeConfiguration : IEntityTypeConfiguration<GiftCode>
{
    public void Configure(EntityTypeBuilder<GiftCode> builder)
    {
        builder.HasIndex(g => g.Code).IsUnique();
        builder.Property(g => g.Code).HasMaxLength(GiftCode.MaxLength).IsRequired();
        builder.Property(g => g.Label).HasMaxLength(GiftCode.MaxLabelLength).IsRequired();
    }
}

internal sealed class GiftCodeRedemptionConfiguration : IEntityTypeConfiguration<GiftCodeRedemption>
{
    public void Configure(EntityTypeBuilder<GiftCodeRedemption> builder)
    {
        // A reader redeems a given code once.
        builder.HasKey(r => new { r.GiftCodeId, r.UserId });
        builder.HasOne<GiftCode>().WithMany().HasForeignKey(r => r.GiftCodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BlogUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubscriptionEventConfiguration : IEntityTypeConfiguration<SubscriptionEvent>
{
    public void Configure(EntityTypeBuilder<SubscriptionEvent> builder)
    {
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasOne<Subscription>().WithMany(s => s.Events).HasForeignKey(e => e.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessedStripeEventConfiguration : IEntityTypeConfiguration<ProcessedStripeEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedStripeEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100);
    }
}

internal sealed class AdDailyCountConfiguration : IEntityTypeConfiguration<AdDailyCount>
{
    public void Configure(EntityTypeBuilder<AdDailyCount> builder)
    {
        builder.HasKey(c => new { c.AdId, c.Day });
        builder.HasOne<Ad>().WithMany().HasForeignKey(c => c.AdId).OnDelete(DeleteBehavior.Cascade);
    }
}

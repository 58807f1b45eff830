using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Blog.Web.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SiteSettings.NameMaxLength).IsRequired();
        builder.Property(s => s.Tagline).HasMaxLength(SiteSettings.TaglineMaxLength).IsRequired();
        builder.Property(s => s.ContactEmail).HasMaxLength(SiteSettings.EmailMaxLength).IsRequired();
        builder.Property(s => s.ComplaintsEmail).HasMaxLength(SiteSettings.EmailMaxLength).IsRequired();
        builder.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
        builder.Ignore(s => s.Time);
        builder.Ignore(s => s.EditWindow);
        builder.Ignore(s => s.OpenToMembers);
        // One row: the check keeps a second from ever being written.
        builder.ToTable(t => t.HasCheckConstraint("CK_SiteSettings_SingleRow", $"\"Id\" = {SiteSettings.SingleRowId}"));
    }
}

internal sealed class SettingChangeConfiguration : IEntityTypeConfiguration<SettingChange>
{
    public void Configure(EntityTypeBuilder<SettingChange> builder)
    {
        builder.Property(c => c.Setting).HasMaxLength(SettingChange.SettingMaxLength).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(SettingChange.ValueMaxLength).IsRequired();
        builder.Property(c => c.NewValue).HasMaxLength(SettingChange.ValueMaxLength).IsRequired();
        builder.Property(c => c.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(AccountEvent.ReasonMaxLength).IsRequired();
        builder.HasIndex(c => c.CreatedAt);
    }
}

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> builder)
    {
        builder.Property(m => m.Id).HasMaxLength(MediaImage.IdLength).ValueGeneratedNever();
        builder.Property(m => m.Widths).HasMaxLength(40).IsRequired();
        builder.Property(m => m.SourceType).HasMaxLength(20).IsRequired();
        builder.Property(m => m.UploadedById).HasMaxLength(450).IsRequired();
    }
}

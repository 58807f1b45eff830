using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;

namespace Blog.Web.Pages.Admin;

/// <summary>An ad's fields as the admin typed them: kept as typed when the ad is refused.</summary>
public sealed class AdForm
{
    public string? Name { get; set; }

    public string? Text { get; set; }

    public string? Link { get; set; } = "/subscribe";

    public string? Image { get; set; }

    public AdSlot Slot { get; set; }

    public int Weight { get; set; } = 1;

    public DateTime? Starts { get; set; }

    public DateTime? Ends { get; set; }

    public bool Sponsored { get; set; }

    public static AdForm From(Ad ad) => new()
    {
        Name = ad.Name, Text = ad.Text, Link = ad.LinkUrl, Image = ad.ImagePath, Slot = ad.Slot, Weight = ad.Weight,
        Starts = ad.StartsAt.UtcDateTime, Ends = ad.EndsAt?.UtcDateTime, Sponsored = ad.IsSponsored,
    };

    /// <summary>An empty start is now.</summary>
    public AdInput ToInput(DateTimeOffset now) => new(Name ?? "", Text ?? "", Link ?? "", Image ?? "", Slot,
        Starts.AsUtc() ?? now, Ends.AsUtc(), Math.Clamp(Weight, 1, 100), Sponsored);
}

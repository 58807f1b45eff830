using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

    public const string Unreadable = "The weight is a whole number, and the times dates with a time.";

    /// <summary>The zone the times are typed in (not bound: the page sets it).</summary>
    [BindNever]
    public SiteTime Time { get; set; } = SiteTime.Utc;

    public static AdForm From(Ad ad, SiteTime time) => new()
    {
        Name = ad.Name, Text = ad.Text, Link = ad.LinkUrl, Image = ad.ImagePath, Slot = ad.Slot, Weight = ad.Weight,
        Starts = time.Typed(ad.StartsAt), Ends = time.Typed(ad.EndsAt), Sponsored = ad.IsSponsored, Time = time,
    };

    /// <summary>The ad to save (an empty start is now), or why the times are not times in the site's zone.</summary>
    public (AdInput? Input, string? Error) ToInput(DateTimeOffset now)
    {
        var (starts, ends) = (Time.FromInput(Starts), Time.FromInput(Ends));
        return (starts.Error ?? ends.Error) is { } error
            ? (null, error)
            : (new(Name ?? "", Text ?? "", Link ?? "", Image ?? "", Slot, starts.Utc ?? now, ends.Utc, Math.Clamp(Weight, 1, 100), Sponsored), null);
    }
}

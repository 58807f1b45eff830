using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class EntitlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(3);

    [Fact]
    public void OverlappingSubscriptions_TheLaterEndCounts()
    {
        var periods = new[]
        {
            new SubscriptionPeriod(SubscriptionStatus.Ended, Now.AddDays(-40)),
            new SubscriptionPeriod(SubscriptionStatus.Active, Now.AddDays(-1)),
            new SubscriptionPeriod(SubscriptionStatus.Cancelled, Now.AddDays(20)),
        };

        Assert.True(Entitlements.IsSubscriber(periods, Now, Grace));
        Assert.True(Entitlements.IsSubscriber(periods, Now.AddDays(22), Grace));
        Assert.False(Entitlements.IsSubscriber(periods, Now.AddDays(23), Grace));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public void AdFree_SubscribersAndStaff(bool staff, bool subscriber, bool adFree) =>
        Assert.Equal(adFree, Entitlements.AdFree(staff, subscriber));

    [Fact]
    public void AdRotation_PicksByWeight()
    {
        var ads = new[] { new Ad { Id = 1, Weight = 3 }, new Ad { Id = 2, Weight = 1 } };

        Assert.Equal(1, AdRotation.Pick(ads, 0.0)!.Id);
        Assert.Equal(1, AdRotation.Pick(ads, 0.74)!.Id);
        Assert.Equal(2, AdRotation.Pick(ads, 0.76)!.Id);
        Assert.Null(AdRotation.Pick([], 0.5));
    }

    [Theory]
    [InlineData("/subscribe", true)]
    [InlineData("https://www.adls.org.nz/", true)]
    [InlineData("https://sponsor.example/?utm_source=docket", false)]
    [InlineData("http://sponsor.example/", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/", true)]
    // Browsers read a backslash as a slash: "/\evil.example" leaves the site.
    [InlineData("/\\evil.example", false)]
    [InlineData(" //evil.example", false)]
    [InlineData("https://user@sponsor.example/", false)]
    [InlineData("subscribe", false)]
    public void AdLinks_FirstPartyOrCleanHttpsOnly(string link, bool safe) =>
        Assert.Equal(safe, Blog.Web.Services.Subscriptions.AdService.IsSafeLink(link));
}

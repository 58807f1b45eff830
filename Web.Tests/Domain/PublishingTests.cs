using Blog.Web.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Blog.Web.Tests.Domain;

public sealed class PublishingTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public void ADraft_IsNotVisible()
    {
        Assert.False(new Article { Status = ArticleStatus.Draft }.IsVisibleToReaders(Now));
    }

    [Fact]
    public void Publish_MakesItVisibleNowAndStampsTheTime()
    {
        var article = new Article();

        article.Publish(Now);

        Assert.True(article.IsVisibleToReaders(Now));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void Publish_AgainKeepsTheOriginalPublicationTime()
    {
        var article = new Article();
        article.Publish(Now);
        var first = article.PublishedAt;
        clock.Advance(TimeSpan.FromDays(2));

        article.Publish(Now);

        Assert.Equal(first, article.PublishedAt);
        Assert.Equal(Now, article.UpdatedAt);
    }

    [Fact]
    public void Schedule_IsInvisibleUntilItsTimeThenVisibleWithoutAnyStatusChange()
    {
        var article = new Article();

        Assert.Equal(PublishingRefusal.None, article.Schedule(Now.AddHours(2), Now));
        Assert.False(article.IsVisibleToReaders(Now));
        Assert.Equal(ArticleStatus.Scheduled, article.EffectiveStatus(Now));

        clock.Advance(TimeSpan.FromHours(2));

        Assert.True(article.IsVisibleToReaders(Now));
        Assert.Equal(ArticleStatus.Published, article.EffectiveStatus(Now));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
    }

    [Fact]
    public void Schedule_InThePastIsRefused()
    {
        var article = new Article();

        Assert.Equal(PublishingRefusal.ScheduleInThePast, article.Schedule(Now, Now));
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void Schedule_ALiveArticleIsRefused()
    {
        var article = new Article();
        article.Publish(Now);

        Assert.Equal(PublishingRefusal.AlreadyPublished, article.Schedule(Now.AddDays(1), Now));
    }

    [Fact]
    public void Unpublish_TakesItBackToADraft()
    {
        var article = new Article();
        article.Publish(Now);

        Assert.Equal(PublishingRefusal.None, article.Unpublish(Now));

        Assert.False(article.IsVisibleToReaders(Now));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
        Assert.Equal(PublishingRefusal.NotPublished, article.Unpublish(Now));
    }

    [Theory]
    [InlineData(null, "Mega v Kazakhstan", new string[0], "mega-v-kazakhstan")]
    [InlineData(null, "Mega v Kazakhstan", new[] { "mega-v-kazakhstan" }, "mega-v-kazakhstan-2")]
    [InlineData(null, "Mega v Kazakhstan", new[] { "mega-v-kazakhstan", "mega-v-kazakhstan-2" }, "mega-v-kazakhstan-3")]
    [InlineData("Custom Address", "Mega v Kazakhstan", new string[0], "custom-address")]
    [InlineData("", "!!!", new string[0], "untitled")]
    public void Unique_PicksTheFirstFreeSlug(string? requested, string title, string[] taken, string expected) =>
        Assert.Equal(expected, Slug.Unique(requested, title, taken.Contains));

    [Fact]
    public void Entitlements_SubscriberUntilThePeriodEndPlusGrace()
    {
        var end = Now.AddDays(10);
        var periods = new[] { new SubscriptionPeriod(SubscriptionStatus.Active, end) };
        var grace = TimeSpan.FromDays(3);

        Assert.True(Entitlements.IsSubscriber(periods, Now, grace));
        Assert.True(Entitlements.IsSubscriber(periods, end.AddDays(2), grace));
        Assert.False(Entitlements.IsSubscriber(periods, end.AddDays(3), grace));
        Assert.False(Entitlements.IsSubscriber([new SubscriptionPeriod(SubscriptionStatus.Ended, end)], Now, grace));
        Assert.True(Entitlements.IsSubscriber([new SubscriptionPeriod(SubscriptionStatus.Cancelled, end)], Now, grace));
        Assert.False(Entitlements.IsSubscriber([], Now, grace));
    }
}

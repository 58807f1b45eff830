using System.Net;
using System.Security.Cryptography;
using System.Text;
using Blog.Web.Domain;
using Blog.Web.Services.Subscriptions;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

public sealed class StripeSiteFactory() : BlogAppFactory(seedDemo: true, extra: new Dictionary<string, string?>
{
    ["Stripe:SecretKey"] = "sk_test_not_used_offline",
    ["Stripe:WebhookSecret"] = SubscriptionTests.WebhookSecret,
});

public sealed class SubscriptionTests(StripeSiteFactory factory) : IClassFixture<StripeSiteFactory>
{
    public const string WebhookSecret = "whsec_test_secret_for_local_signing";

    private const string Article = "/articles/newsrooms-answer-for-readers-facebook-comments-high-court-rules";

    private async Task<string> CreateCodeAsync(int days = 30, int uses = 1, DateTimeOffset? expires = null)
    {
        var code = GiftCode.Generate();
        var made = await factory.WithScopeAsync(sp => sp.GetRequiredService<GiftCodeService>()
            .CreateAsync(new GiftCodeInput(code, "", days, uses, expires), "admin", CancellationToken.None));
        Assert.True(made.Succeeded, made.Message);
        return code;
    }

    private Task<SubscriptionResult> RedeemAsync(string userId, string code) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().RedeemAsync(userId, code, CancellationToken.None));

    private static async Task<string> HtmlOf(HttpClient client, string url) => await (await client.GetAsync(url)).Content.ReadAsStringAsync();

    [Fact]
    public async Task Ads_AreServedToReadersAndMembers_AndNotSentAtAllToSubscribersOrStaff()
    {
        var anonymous = await Html.ParseAsync(await factory.CreateBrowserClient().GetAsync(Article));
        var slots = anonymous.QuerySelectorAll("[data-ad-slot]").Select(e => e.GetAttribute("data-ad-slot")).ToList();
        Assert.Contains("Header", slots);
        Assert.Contains("InArticle", slots);
        Assert.Contains("Sidebar", slots);
        // A long discussion carries one more, after its tenth thread.
        var longThread = await Discussions.PublishArticleAsync(factory);
        await Discussions.SeedThreadAsync(factory, longThread, comments: 15, topLevel: 15, authorId: (await TestUsers.CreateAsync(factory, TestRole.Subscriber)).Id);
        var discussion = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{longThread}");
        Assert.NotNull(discussion.QuerySelector("ol.top-level > li.ad-item [data-ad-slot='Discussion']"));
        Assert.All(anonymous.QuerySelectorAll("[data-ad-slot] a"), a => Assert.DoesNotContain("?", a.GetAttribute("href")));

        var (member, memberUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var memberPage = await HtmlOf(member, Article);
        Assert.Contains("data-ad-slot", memberPage);
        Assert.DoesNotContain(memberUser.Id, (await Html.ParseAsync(await member.GetAsync(Article))).QuerySelectorAll("[data-ad-slot]").Select(e => e.OuterHtml).Aggregate("", string.Concat));

        foreach (var role in new[] { TestRole.Subscriber, TestRole.Editor, TestRole.Admin })
        {
            var (client, _) = await TestUsers.SignedInClientAsync(factory, role);
            foreach (var url in new[] { "/", Article, "/cases" })
            {
                var html = await HtmlOf(client, url);
                Assert.DoesNotContain("data-ad-slot", html);
                Assert.DoesNotContain("class=\"ad ", html);
            }
        }
    }

    [Fact]
    public async Task AnExpiringSubscription_BringsAdsBackOnTheNextRequest_AfterTheGracePeriod()
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var code = await CreateCodeAsync(days: 2);
        Assert.True((await RedeemAsync(user.Id, code)).Succeeded);
        Assert.DoesNotContain("data-ad-slot", await HtmlOf(client, Article));

        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.DoesNotContain("data-ad-slot", await HtmlOf(client, Article)); // in the 3-day grace
        factory.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));

        Assert.Contains("data-ad-slot", await HtmlOf(client, Article));
        Assert.Contains("Subscribe to comment.", await HtmlOf(client, Article));
    }

    [Fact]
    public async Task GiftCode_SingleUse_OncePerReader_AndExpiry()
    {
        var first = await TestUsers.CreateAsync(factory, TestRole.Member);
        var second = await TestUsers.CreateAsync(factory, TestRole.Member);
        var single = await CreateCodeAsync();
        var shared = await CreateCodeAsync(uses: 5);
        var expired = await CreateCodeAsync(expires: factory.Clock.GetUtcNow().AddMinutes(1));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await RedeemAsync(first.Id, single.ToLowerInvariant())).Succeeded);
        Assert.Contains("used up", (await RedeemAsync(second.Id, single)).Message);
        Assert.True((await RedeemAsync(first.Id, shared)).Succeeded);
        Assert.Contains("already used", (await RedeemAsync(first.Id, shared)).Message);
        Assert.Contains("expired", (await RedeemAsync(second.Id, expired)).Message);
        Assert.Contains("does not exist", (await RedeemAsync(second.Id, "NOPE-NOPE-NOPE")).Message);
        // Two codes for the same reader extend one subscription: 30 + 30 days.
        var end = await factory.WithDbAsync(db => db.Subscriptions.Where(s => s.UserId == first.Id).Select(s => s.CurrentPeriodEnd).SingleAsync());
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(60), end);
    }

    [Fact]
    public async Task GiftCode_TwoReadersRacingForTheLastUse_ExactlyOneWins()
    {
        for (var round = 0; round < 5; round++)
        {
            var code = await CreateCodeAsync(uses: 1);
            var a = await TestUsers.CreateAsync(factory, TestRole.Member);
            var b = await TestUsers.CreateAsync(factory, TestRole.Member);

            var results = await Task.WhenAll(RedeemAsync(a.Id, code), RedeemAsync(b.Id, code));

            Assert.Single(results, r => r.Succeeded);
            Assert.Equal(0, await factory.WithDbAsync(db => db.GiftCodes.Where(g => g.Code == code).Select(g => g.UsesLeft).SingleAsync()));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.UserId == a.Id || s.UserId == b.Id)));
        }
    }

    [Fact]
    public async Task Redeeming_ThroughTheSubscribePage_OpensTheCommentBox()
    {
        var (member, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        Assert.Contains("Subscribe to comment.", await HtmlOf(member, Article));

        var wrong = await member.PostFormAsync("/subscribe", new Dictionary<string, string> { ["code"] = "WRONG-CODE-1" }, formSelector: "form[action*='handler=redeem']");
        var page = await Html.ParseAsync(wrong);
        Assert.Contains("does not exist", page.QuerySelector(".gift .form-errors")!.TextContent);
        Assert.Equal("WRONG-CODE-1", page.QuerySelector("#code")!.GetAttribute("value"));

        var redeemed = await member.PostFormAsync("/subscribe", new Dictionary<string, string> { ["code"] = await CreateCodeAsync() }, formSelector: "form[action*='handler=redeem']");
        Assert.Equal("/account/manage/subscription", redeemed.Location());
        var article = await member.GetDocumentAsync(Article);
        Assert.NotNull(article.QuerySelector("form.comment-form"));
        Assert.Empty(article.QuerySelectorAll("[data-ad-slot]"));
    }

    [Fact]
    public async Task Admin_GrantsAndEndsWithALoggedReason_AndTheReaderCancels()
    {
        var (admin, adminUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (member, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var noReason = await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string> { ["days"] = "30", ["reason"] = "" }, formSelector: "form[action*='handler=grant']");
        Assert.Contains("Give the reason", (await admin.GetDocumentAsync(noReason.Location()!)).QuerySelector(".status-message")!.TextContent);
        await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string> { ["days"] = "30", ["reason"] = "Court reporter, complimentary" }, formSelector: "form[action*='handler=grant']");
        var granted = await factory.WithDbAsync(db => db.SubscriptionEvents.SingleAsync(e => e.UserId == user.Id));
        Assert.Equal((SubscriptionEventKind.Granted, adminUser.Id), (granted.Kind, granted.ActorId));
        Assert.Contains("Court reporter", granted.Detail);

        var account = await member.GetDocumentAsync("/account/manage/subscription");
        Assert.Contains("You are a subscriber.", account.QuerySelector(".manage-panel")!.TextContent);
        await member.PostFormAsync("/account/manage/subscription", new Dictionary<string, string>(), formSelector: "form[action*='handler=cancel']");
        var subscription = await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.UserId == user.Id));
        Assert.Equal(SubscriptionStatus.Cancelled, subscription.Status);
        Assert.DoesNotContain("data-ad-slot", await HtmlOf(member, Article)); // runs to the period end

        await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string> { ["reason"] = "Refund requested" }, formSelector: "form[action*='handler=end']");
        Assert.Contains("data-ad-slot", await HtmlOf(member, Article));
    }

    private async Task<HttpResponseMessage> WebhookAsync(string json, string? secret = WebhookSecret)
    {
        var timestamp = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "wrong"), Encoding.UTF8.GetBytes($"{timestamp}.{json}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return await factory.CreateBrowserClient().SendAsync(request);
    }

    private static string Event(string id, string type, object data) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, @object = "event", api_version = "2025-01-01", type, data = new { @object = data } });

    [Fact]
    public async Task Webhook_ABadSignatureIsRefusedAndChangesNothing()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var json = Event("evt_bad", "checkout.session.completed", new { id = "cs_1", client_reference_id = user.Id, subscription = "sub_bad", customer = "cus_1", metadata = new { plan = "monthly" } });

        var response = await WebhookAsync(json, secret: "whsec_someone_else");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.UserId == user.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProcessedStripeEvents.CountAsync(e => e.Id == "evt_bad")));
    }

    [Fact]
    public async Task Webhook_EachEventType_AndReplaysChangeNothing()
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var sub = $"sub_{Guid.NewGuid():N}";
        var now = factory.Clock.GetUtcNow();
        var renewedTo = now.AddMonths(2).ToUnixTimeSeconds();

        var checkout = Event($"evt_{Guid.NewGuid():N}", "checkout.session.completed", new { id = "cs_x", client_reference_id = user.Id, subscription = sub, customer = "cus_x", metadata = new { plan = "annual" } });
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync(checkout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync(checkout)).StatusCode); // replayed
        var started = await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.ExternalId == sub));
        Assert.Equal(("Annual", SubscriptionSource.Card, now.AddMonths(12)), (started.Plan, started.Source, started.CurrentPeriodEnd));
        Assert.DoesNotContain("data-ad-slot", await HtmlOf(client, Article));

        var paid = Event($"evt_{Guid.NewGuid():N}", "invoice.paid", new { id = "in_1", subscription = sub, lines = new { data = new[] { new { period = new { start = 0L, end = now.AddMonths(13).ToUnixTimeSeconds() } } } } });
        await WebhookAsync(paid);
        Assert.Equal(now.AddMonths(13).ToUnixTimeSeconds(), (await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.ExternalId == sub))).CurrentPeriodEnd.ToUnixTimeSeconds());

        var failed = Event($"evt_{Guid.NewGuid():N}", "invoice.payment_failed", new { id = "in_2", parent = new { subscription_details = new { subscription = sub } } });
        await WebhookAsync(failed);
        Assert.True((await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.ExternalId == sub))).PaymentFailed);

        var updated = Event($"evt_{Guid.NewGuid():N}", "customer.subscription.updated", new { id = sub, status = "active", cancel_at_period_end = true, items = new { data = new[] { new { current_period_end = renewedTo } } } });
        await WebhookAsync(updated);
        var cancelled = await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.ExternalId == sub));
        Assert.Equal((SubscriptionStatus.Cancelled, renewedTo, false), (cancelled.Status, cancelled.CurrentPeriodEnd.ToUnixTimeSeconds(), cancelled.PaymentFailed));

        var deleted = Event($"evt_{Guid.NewGuid():N}", "customer.subscription.deleted", new { id = sub, status = "canceled", ended_at = now.ToUnixTimeSeconds() });
        await WebhookAsync(deleted);
        var eventsBefore = await factory.WithDbAsync(db => db.SubscriptionEvents.CountAsync(e => e.UserId == user.Id));
        await WebhookAsync(deleted);
        await WebhookAsync(paid);
        Assert.Equal(eventsBefore, await factory.WithDbAsync(db => db.SubscriptionEvents.CountAsync(e => e.UserId == user.Id)));
        Assert.Equal(SubscriptionStatus.Ended, (await factory.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.ExternalId == sub))).Status);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Contains("data-ad-slot", await HtmlOf(client, Article));
    }

    [Fact]
    public async Task SubscribePage_ComparesThePlansFromConfiguration()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/subscribe");

        var plans = page.QuerySelectorAll(".plan").Select(p => p.TextContent).ToList();
        Assert.Equal(2, plans.Count);
        Assert.Contains("NZD 9.00 a month", plans[0]);
        Assert.Contains("NZD 90.00 a year", plans[1]);
        Assert.Contains("Ad-free reading", page.QuerySelector(".benefits")!.TextContent);
    }
}

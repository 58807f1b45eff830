using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Pages.Comments;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>A site of its own: these tests move its clock.</summary>
public sealed class ClockSiteFactory() : BlogAppFactory(seedDemo: false);

/// <summary>
/// What the site keeps in memory for speed (sessions, standings, threads, queues) never outlives the change that
/// makes it wrong, nor the site's own clock.
/// </summary>
public sealed class KeptInMemoryTests(ClockSiteFactory factory) : IClassFixture<ClockSiteFactory>
{
    [Fact]
    public async Task AChangedSecurityStamp_EndsTheSession_OnceTheCheckIsDue()
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        // Changed elsewhere (as Identity does after a change of credentials), without ending the sessions directly.
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var after = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AGrantedSubscription_CountsFromTheNextRequest_AndItsEndOnTime()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Subscriptions.AdService>().SaveAsync(
            new("Probe", "Subscribe", "/subscribe", "", AdSlot.Header, factory.Clock.GetUtcNow().AddDays(-1), null, 1, false), CancellationToken.None));
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        Assert.NotNull((await client.GetDocumentAsync($"/articles/{slug}")).QuerySelector("[data-ad-slot]"));

        var ends = factory.Clock.GetUtcNow().AddDays(3);
        await factory.WithDbAsync(async db =>
        {
            db.Subscriptions.Add(new Subscription { UserId = user.Id, Plan = "monthly", Source = SubscriptionSource.AdminGrant, Status = SubscriptionStatus.Active, StartedAt = factory.Clock.GetUtcNow(), CurrentPeriodEnd = ends });
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Null((await client.GetDocumentAsync($"/articles/{slug}")).QuerySelector("[data-ad-slot]"));

        // No write at all when it ends: the period is compared with the clock on every request.
        factory.Clock.Advance(TimeSpan.FromDays(30));
        Assert.NotNull((await client.GetDocumentAsync($"/articles/{slug}")).QuerySelector("[data-ad-slot]"));
    }

    [Fact]
    public async Task TheModerationQueue_ShowsANewHeldComment_AndADecision_AtOnce()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var (author, authorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ModerationService>().SanctionAsync(authorUser.Id,
            Blog.Web.Domain.Moderation.SanctionKind.AlwaysPreModerate, null, null, "testing the queue", editorUser.Id, CancellationToken.None));
        await editor.GetStringAsync("/moderation?queue=pending");

        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "QUEUE-PROBE held for review"));
        Assert.Contains("QUEUE-PROBE", await editor.GetStringAsync("/moderation?queue=pending"));

        await factory.WithScopeAsync(sp => sp.GetRequiredService<ModerationService>().ApproveAsync(id, editorUser.Id, CancellationToken.None));
        Assert.DoesNotContain("QUEUE-PROBE", await editor.GetStringAsync("/moderation?queue=pending"));
    }

    [Fact]
    public async Task ThreadsDrawnOnce_CarryTheAdOnTheWholePageOnly_NotInTheLoadMoreFragment()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        await Discussions.SeedThreadAsync(factory, slug, comments: 140, topLevel: 70, authorId: author.Id);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Subscriptions.AdService>().SaveAsync(
            new("Thread ad", "Subscribe", "/subscribe", "", AdSlot.Discussion, factory.Clock.GetUtcNow().AddDays(-1), null, 1, false), CancellationToken.None));
        var reader = factory.CreateBrowserClient();
        reader.DefaultRequestHeaders.Add("Cookie", "seen=1"); // past the output cache: these are the drawn threads

        var page = await reader.GetDocumentAsync($"/articles/{slug}?page=2");
        var fragment = await reader.GetDocumentAsync($"/articles/{slug}/comments?page=2");
        var pageAgain = await reader.GetDocumentAsync($"/articles/{slug}?page=2");

        Assert.Single(page.QuerySelectorAll("li.ad-item [data-ad-slot='Discussion']"));
        Assert.Empty(fragment.QuerySelectorAll("li.ad-item"));
        Assert.Equal(page.QuerySelectorAll("li.comment").Length, fragment.QuerySelectorAll("li.comment").Length);
        Assert.Single(pageAgain.QuerySelectorAll("li.ad-item [data-ad-slot='Discussion']"));
    }

    [Fact]
    public async Task ASignedInPage_CarriesNoDeletionOfACookieTheBrowserDoesNotHave()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await client.GetAsync($"/articles/{slug}");

        var page = await client.GetAsync($"/articles/{slug}");

        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("TempData", StringComparison.Ordinal));
    }
}

/// <summary>The pieces that make kept data safe to share: drawn threads cut only at their own markers, cookies decrypted once.</summary>
public sealed class KeptPiecesTests
{
    private static CommentRow Row(long id) => new(id, null, 0, id.ToString(System.Globalization.CultureInfo.InvariantCulture), CommentStatus.Published, true,
        "A", "<p>x</p>", DateTimeOffset.UnixEpoch, null, 0);

    [Fact]
    public void Split_CutsAtThisDrawingsMarkersOnly()
    {
        const string marker = "0123ABCD";
        var html = "<li>one" + CommentListRenderer.ToolsMarker(marker, 1) + "</li>"
            + CommentListRenderer.AdMarker(marker)
            + "<li>two &lt;!--FFFF:2--&gt; <!--FFFF:2-->" + CommentListRenderer.ToolsMarker(marker, 2) + "</li>";

        var segments = CommentListRenderer.Split(html, marker, new Dictionary<long, CommentRow> { [1] = Row(1), [2] = Row(2) });

        Assert.Equal(4, segments.Count);
        Assert.Equal(("<li>one", 1L), (segments[0].Html, segments[0].Tools!.Id));
        Assert.Equal(("</li>", true), (segments[1].Html, segments[1].Ad));
        Assert.Equal(("<li>two &lt;!--FFFF:2--&gt; <!--FFFF:2-->", 2L), (segments[2].Html, segments[2].Tools!.Id));
        Assert.Equal(("</li>", null), (segments[3].Html, segments[3].Tools));
    }

    [Fact]
    public void Tools_ForSomeoneElsesComment_AndForYourOwn()
    {
        var reader = new ToolsClass(MayRecommend: true, MayReply: true, SignedIn: true, IsStaff: false);
        var others = CommentTools.Html(Row(7), reader, own: false, recommended: true, canEdit: false);
        var own = CommentTools.Html(Row(7), reader, own: true, recommended: false, canEdit: true);

        Assert.Contains("formaction=\"/comments/7/recommend\"", others);
        Assert.Contains("aria-pressed=\"true\"", others);
        Assert.Contains("/comments/7/report", others);
        Assert.DoesNotContain("/comments/7/edit", others);
        Assert.DoesNotContain("recommend\"", own);
        Assert.Contains("/comments/7/edit", own);
        Assert.Contains("/comments/7/delete", own);
        Assert.DoesNotContain("/moderation/", own);
    }

    [Fact]
    public void Unindent_DropsTheTemplatesIndentation_NotTheText()
    {
        const string drawn = "<li>\n        <article>\n            <div class=\"comment-text\"><pre><code>if (a)\n    b &lt; c;\n</code></pre>\n<p>one two</p></div>\n        </article>";

        Assert.Equal("<li>\n<article>\n<div class=\"comment-text\"><pre><code>if (a)\n    b &lt; c;\n</code></pre>\n<p>one two</p></div>\n</article>",
            CommentListRenderer.Unindent(drawn));
    }

    private sealed class CountingFormat : Microsoft.AspNetCore.Authentication.ISecureDataFormat<Microsoft.AspNetCore.Authentication.AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(Microsoft.AspNetCore.Authentication.AuthenticationTicket data) => "cookie";

        public string Protect(Microsoft.AspNetCore.Authentication.AuthenticationTicket data, string? purpose) => "cookie";

        public Microsoft.AspNetCore.Authentication.AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public Microsoft.AspNetCore.Authentication.AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return protectedText == "good"
                ? new(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity("test")), "test")
                : null;
        }
    }

    [Fact]
    public void TheSessionCookie_IsDecryptedOnce_AndABadOneEveryTime()
    {
        var inner = new CountingFormat();
        var format = new Blog.Web.Services.Accounts.KeptCookieFormat(inner,
            new Blog.Web.Infrastructure.Caching.SiteCache(new ZiggyCreatures.Caching.Fusion.FusionCache(new ZiggyCreatures.Caching.Fusion.FusionCacheOptions()), TimeProvider.System));

        var first = format.Unprotect("good");
        var second = format.Unprotect("good");
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(1, inner.Unprotected);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Equal(3, inner.Unprotected);
    }
}

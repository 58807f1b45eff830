using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>A suppression order protects a person everywhere on the site, from when it is made until it ends.</summary>
public sealed class SuppressionOrderTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private async Task<int> CaseAsync(string name) => await factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BlogDbContext>();
        var record = new Case { Name = $"{name} {Guid.NewGuid():N}", Slug = $"case-{Guid.NewGuid():N}" };
        db.Cases.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    private static Dictionary<string, string> Order(int caseId, string terms, string? expires = null) => new()
    {
        ["Input.CaseId"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Type"] = "Interim",
        ["Input.Role"] = "complainant",
        ["Input.Terms"] = terms,
        ["Input.MadeAt"] = TypedTime.Of(BlogAppFactory.Start.AddDays(-1)),
        ["Input.NextAppearance"] = "",
        ["Input.ExpiresAt"] = expires ?? "",
    };

    private async Task<int> LatestOrderIdAsync() => await factory.WithDbAsync(db => db.SuppressionOrders.MaxAsync(o => o.Id));

    [Fact]
    public async Task AnOrder_ScreensCommentsOnEveryArticle_NotOnlyItsOwnCase()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var caseId = await CaseAsync("R v Anonymous");
        var recorded = await editor.PostFormAsync("/moderation/orders", Order(caseId, "Tamsin Okafor"), formSelector: "#order-form");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var unrelated = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var id = Discussions.CommentIdFrom(await author.CommentAsync(unrelated, "Everyone in town knows it was T. Okafor."));

        var comment = await Discussions.LoadCommentAsync(factory, id);
        Assert.Equal((CommentStatus.Pending, "suppression"), (comment.Status, comment.ModerationCode));
        Assert.Equal((await LatestOrderIdAsync(), "Tamsin Okafor"), (comment.SuppressionOrderId, comment.SuppressionTerm));
    }

    [Fact]
    public async Task ANewOrder_HidesMatchingVisibleComments_AtOnce_AndTheModeratorSeesTheTermMarked()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var naming = Discussions.CommentIdFrom(await author.CommentAsync(slug, "I heard it was Rangi Whitcombe all along."));
        var innocent = Discussions.CommentIdFrom(await author.CommentAsync(slug, "The judgment is careful and short."));
        var anonymous = factory.CreateBrowserClient();
        Assert.Contains("Whitcombe", await anonymous.GetStringAsync($"/articles/{slug}"));
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var recorded = await editor.PostFormAsync("/moderation/orders", Order(await CaseAsync("Police v Whitcombe"), "Rangi Whitcombe"), formSelector: "#order-form");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, naming)).Status);
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, innocent)).Status);
        Assert.DoesNotContain("Whitcombe", await anonymous.GetStringAsync($"/articles/{slug}"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.CommentId == naming && d.Action == ModerationAction.HeldForSuppression)));
        var queue = await editor.GetDocumentAsync("/moderation?queue=pending");
        var item = queue.QuerySelector($"#item-{naming}")!;
        Assert.Contains("Possible suppression breach", item.TextContent);
        Assert.Contains("Rangi Whitcombe", item.QuerySelector(".suppression-hit")!.TextContent);
        Assert.Equal(["Rangi", "Whitcombe"], item.QuerySelectorAll(".comment-text mark").Select(m => m.TextContent));
        Assert.DoesNotContain("suppression)", item.TextContent);
    }

    [Fact]
    public async Task NewTerms_OnAnExistingOrder_ScreenVisibleComments()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var caseId = await CaseAsync("R v Doe");
        await editor.PostFormAsync("/moderation/orders", Order(caseId, "Placeholder Person"), formSelector: "#order-form");
        var orderId = await LatestOrderIdAsync();
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "The Ponsonby orthodontist was there."));
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, id)).Status);

        var changed = await editor.PostFormAsync($"/moderation/orders?edit={orderId}", Order(caseId, "Placeholder Person\nPonsonby orthodontist"), formSelector: "#order-form");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, id)).Status);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.Action == ModerationAction.OrderChanged && d.ReasonCode == $"order-{orderId}")));
    }

    [Fact]
    public async Task ALiftedOrder_NeedsAReason_IsLogged_AndNoLongerHoldsComments()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        await editor.PostFormAsync("/moderation/orders", Order(await CaseAsync("R v Lifted"), "Merewether Quill"), formSelector: "#order-form");
        var orderId = await LatestOrderIdAsync();

        var refused = await editor.PostFormAsync("/moderation/orders", new Dictionary<string, string> { ["id"] = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = " " },
            postUrl: "/moderation/orders?handler=Lift", formSelector: $"#order-{orderId} form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why", (await Html.ParseAsync(refused)).QuerySelector($"#lift-error-{orderId}")!.TextContent);

        var lifted = await editor.PostFormAsync("/moderation/orders", new Dictionary<string, string> { ["id"] = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Lifted by the High Court on appeal." },
            postUrl: "/moderation/orders?handler=Lift", formSelector: $"#order-{orderId} form");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.Action == ModerationAction.OrderLifted && d.Note == "Lifted by the High Court on appeal.")));

        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Merewether Quill can now be named."));
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, id)).Status);
    }

    [Fact]
    public async Task AnOrder_EndsByItselfAtItsExpiry()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var expires = TypedTime.Of(factory.Clock.GetUtcNow().AddHours(2));
        await editor.PostFormAsync("/moderation/orders", Order(await CaseAsync("R v Expiring"), "Octavia Brindlecombe", expires), formSelector: "#order-form");
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var before = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Octavia Brindlecombe, named early."));
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var after = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Octavia Brindlecombe, named after the order ran out."));

        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, before)).Status);
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, after)).Status);
    }
}

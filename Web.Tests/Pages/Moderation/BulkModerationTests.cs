using System.Net;
using Blog.Web.Domain;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages.Moderation;

/// <summary>Select all on a queue page, the confirmation above twenty, and a commenter's "reject all".</summary>
public sealed class BulkModerationTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private async Task<List<long>> CommentsAsync(TestUser author, string slug, int count) =>
        await factory.WithScopeAsync(async sp =>
        {
            var comments = sp.GetRequiredService<CommentService>();
            var ids = new List<long>();
            for (var i = 0; i < count; i++)
            {
                var outcome = await comments.SubmitAsync(slug, null, $"Comment {i} from {author.DisplayName}", Guid.NewGuid(),
                    new ReaderStanding(author.Id, IsStaff: false, IsSubscriber: true), CancellationToken.None);
                ids.Add(outcome.CommentId != 0 ? outcome.CommentId : throw new InvalidOperationException(outcome.Message));
            }

            return ids;
        });

    private Task<List<CommentStatus>> StatusesAsync(IEnumerable<long> ids) =>
        factory.WithDbAsync(db => db.Comments.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync());

    private static HttpContent Selection(IEnumerable<long> ids, string token, params (string Key, string Value)[] more) => new FormUrlEncodedContent(
        ids.Select(i => KeyValuePair.Create("ids", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value)))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [Fact]
    public async Task SelectAll_WithoutJavaScript_TicksEveryCommentOnThePage()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        await CommentsAsync(await TestUsers.CreateAsync(factory, TestRole.Subscriber), slug, 3);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var plain = await editor.GetDocumentAsync("/moderation?queue=pending");
        Assert.All(plain.QuerySelectorAll("input[name=ids]"), box => Assert.False(box.HasAttribute("checked")));
        var link = plain.QuerySelector("a[data-select-all]")!.GetAttribute("href")!;

        var all = await editor.GetDocumentAsync(link);
        var boxes = all.QuerySelectorAll("input[name=ids]");
        Assert.True(boxes.Length >= 3);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("checked")));
        Assert.Equal($"{boxes.Length} selected", all.QuerySelector("[data-selected-count]")!.TextContent);
    }

    [Fact]
    public async Task MoreThanTwenty_AreConfirmedFirst_ThenEachIsRejectedOnTheGround()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        var ids = await CommentsAsync(await TestUsers.CreateAsync(factory, TestRole.Subscriber), slug, BulkModeration.ConfirmAbove + 1);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var token = Html.AntiforgeryToken(await editor.GetDocumentAsync("/moderation?queue=pending"));

        var asked = await editor.PostAsync("/moderation?queue=pending&handler=bulk&bulkAction=reject", Selection(ids, token, ("bulkReason", "spam")));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await Html.ParseAsync(asked);
        Assert.Contains("Reject 21 comments at once?", confirmation.QuerySelector("#bulk-confirm h2")!.TextContent);
        Assert.All(await StatusesAsync(ids), s => Assert.Equal(CommentStatus.Pending, s));

        var form = confirmation.QuerySelector("#bulk-confirm form")!;
        var fields = form.QuerySelectorAll("input[name]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        Assert.Equal(21, fields.Count(f => f.Key == "ids"));
        var done = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.All(await StatusesAsync(ids), s => Assert.Equal(CommentStatus.Rejected, s));
        Assert.Equal(21, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => ids.Contains(d.CommentId!.Value) && d.ReasonCode == "spam")));
    }

    [Fact]
    public async Task TwentyOrFewer_AreDoneAtOnce_AndARejectionWithoutAGround_IsRefusedBeforeAnyConfirmation()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        var ids = await CommentsAsync(await TestUsers.CreateAsync(factory, TestRole.Subscriber), slug, BulkModeration.ConfirmAbove);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var token = Html.AntiforgeryToken(await editor.GetDocumentAsync("/moderation?queue=pending"));

        await editor.PostAsync("/moderation?queue=pending&handler=bulk&bulkAction=reject", Selection(ids, token));
        Assert.All(await StatusesAsync(ids), s => Assert.Equal(CommentStatus.Pending, s));

        var approved = await editor.PostAsync("/moderation?queue=pending&handler=bulk&bulkAction=approve", Selection(ids, token));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.All(await StatusesAsync(ids), s => Assert.Equal(CommentStatus.Approved, s));
    }

    [Fact]
    public async Task ACommentersPage_RejectsAllTheirVisibleComments_OnOneGround_OnceConfirmed()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        var visible = await CommentsAsync(author, slug, 3);
        var bystander = await CommentsAsync(await TestUsers.CreateAsync(factory, TestRole.Subscriber), slug, 1);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var page = $"/moderation/users/{author.Id}";

        var noGround = await Html.ParseAsync(await editor.PostFormAsync(page, new Dictionary<string, string> { ["note"] = "Kept posting the name." }, formSelector: "form.reject-all"));
        Assert.Contains("Choose the ground", noGround.QuerySelector(".reject-all [role=alert]")!.TextContent);
        Assert.Equal("Kept posting the name.", noGround.QuerySelector("#reject-all-note")!.GetAttribute("value"));

        var asked = await Html.ParseAsync(await editor.PostFormAsync(page, new Dictionary<string, string> { ["ground"] = "suppression", ["note"] = "Kept posting the name." }, formSelector: "form.reject-all"));
        Assert.Contains("Reject all 3 of their visible comments", asked.QuerySelector("#reject-all-confirm")!.TextContent);
        Assert.All(await StatusesAsync(visible), s => Assert.Equal(CommentStatus.Published, s));

        var form = asked.QuerySelector("#reject-all-confirm form")!;
        var done = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            form.QuerySelectorAll("input[name]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))));
        Assert.Equal(page, done.Location());

        Assert.All(await StatusesAsync(visible), s => Assert.Equal(CommentStatus.Rejected, s));
        Assert.Equal(CommentStatus.Published, (await StatusesAsync(bystander)).Single());
        Assert.Null((await editor.GetDocumentAsync(page)).QuerySelector("form.reject-all"));
    }
}

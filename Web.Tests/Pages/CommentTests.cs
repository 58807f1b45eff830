using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages;

public sealed class CommentTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private Task<(HttpClient Client, TestUser User)> SubscriberAsync() => TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

    private async Task<string> CommentBoxStateAsync(HttpClient client, string slug)
    {
        var page = await client.GetDocumentAsync($"/articles/{slug}");
        return page.QuerySelector("form.comment-form textarea") is not null ? "form" : page.QuerySelector(".comment-closed")!.TextContent.Trim();
    }

    [Fact]
    public async Task TheCommentBox_OrTheReasonAndNextStep_ForEachReader()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var closed = await Discussions.PublishArticleAsync(factory, mode: CommentMode.Closed);
        var autoClosed = await Discussions.PublishArticleAsync(factory, closesAt: factory.Clock.GetUtcNow().AddMinutes(-1));
        var member = (await TestUsers.SignedInClientAsync(factory, TestRole.Member)).Client;
        var (subscriber, _) = await SubscriberAsync();
        var editor = (await TestUsers.SignedInClientAsync(factory, TestRole.Editor)).Client;

        Assert.StartsWith("Sign in to join the discussion.", await CommentBoxStateAsync(factory.CreateBrowserClient(), slug));
        Assert.StartsWith("Subscribe to comment.", await CommentBoxStateAsync(member, slug));
        Assert.Equal("form", await CommentBoxStateAsync(subscriber, slug));
        Assert.Equal("form", await CommentBoxStateAsync(editor, slug));
        Assert.StartsWith("Comments are closed.", await CommentBoxStateAsync(subscriber, closed));
        Assert.StartsWith("Comments are closed.", await CommentBoxStateAsync(subscriber, autoClosed));
    }

    [Fact]
    public async Task Subscriber_PostsAComment_ThatAppearsWithItsAnchorAndBadge()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, user) = await SubscriberAsync();

        var response = await client.CommentAsync(slug, "The *trial judge* got this right. See [the ruling](https://www.courtsofnz.govt.nz/).");

        var id = Discussions.CommentIdFrom(response);
        var page = await client.GetDocumentAsync(response.Location()!);
        Assert.Equal("Your comment is published.", page.QuerySelector(".status-message")!.TextContent);
        var comment = page.QuerySelector($"#comment-{id}")!;
        Assert.Equal(user.DisplayName, comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("Subscriber", comment.QuerySelector(".badge")!.TextContent);
        Assert.Equal("trial judge", comment.QuerySelector(".comment-text em")!.TextContent);
        Assert.Equal("nofollow ugc noopener noreferrer", comment.QuerySelector(".comment-text a")!.GetAttribute("rel"));
        Assert.NotNull(comment.QuerySelector("time[datetime]"));
        Assert.Equal("(1)", page.QuerySelector("#comments-title .count")!.TextContent);
    }

    [Fact]
    public async Task Member_PostingAnyway_IsRefusedWithTheReasonAndTheTextKept()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (member, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var token = Html.AntiforgeryToken(await member.GetDocumentAsync($"/articles/{slug}"));
        var fields = Discussions.Comment("My carefully written point.");
        fields["__RequestVerificationToken"] = token;

        var response = await member.PostAsync($"/articles/{slug}?handler=comment", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Body == "My carefully written point.")));
        Assert.Contains("Subscribe to comment.", page.QuerySelector(".comment-closed")!.TextContent);
    }

    [Theory]
    [InlineData("   ", "Write something before posting.")]
    [InlineData(null, "at most 5,000 characters")]
    public async Task InvalidComment_IsRefusedAndTheTextStaysInTheBox(string? body, string message)
    {
        body ??= new string('x', 5001);
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();

        var response = await client.CommentAsync(slug, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".comment-form .form-errors")!.TextContent);
        Assert.Equal(body, page.QuerySelector(".comment-form textarea")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(async db => await db.Comments.CountAsync(c => c.Article!.Slug == slug)));
    }

    [Fact]
    public async Task Preview_ShowsTheRenderedTextWithoutPosting()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();

        var response = await client.CommentAsync(slug, "**Bold** claim", command: "preview");

        var page = await Html.ParseAsync(response);
        Assert.Equal("Bold", page.QuerySelector(".comment-preview strong")!.TextContent);
        Assert.Equal("**Bold** claim", page.QuerySelector(".comment-form textarea")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(async db => await db.Comments.CountAsync(c => c.Article!.Slug == slug)));
    }

    [Fact]
    public async Task DoubleSubmit_WithTheSameKey_StoresOneComment()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();
        var key = Guid.NewGuid();
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync($"/articles/{slug}"));
        HttpContent Form()
        {
            var fields = Discussions.Comment("Said once, clicked twice.", key);
            fields["__RequestVerificationToken"] = token;
            return new FormUrlEncodedContent(fields);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync($"/articles/{slug}?handler=comment", Form())));
        var retry = await client.PostAsync($"/articles/{slug}?handler=comment", Form());

        Assert.All(responses.Append(retry), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Append(retry).Select(Discussions.CommentIdFrom).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == key)));
    }

    [Fact]
    public async Task Replies_AtAnyDepth_NestUnderTheirParents_AndThePermalinkShowsTheChain()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();
        var ids = new List<long> { Discussions.CommentIdFrom(await client.CommentAsync(slug, "Level one")) };
        for (var level = 2; level <= 8; level++)
        {
            ids.Add(Discussions.CommentIdFrom(await client.ReplyAsync(ids[^1], $"Level {level}")));
        }

        var page = await client.GetDocumentAsync($"/articles/{slug}");
        var sixth = page.QuerySelector($"#comment-{ids[5]}")!.ParentElement!;
        Assert.Contains("level-6", sixth.ClassName);
        // Levels 7 and 8 are listed flat under level 6; level 8 says whom it answers.
        var flat = sixth.QuerySelectorAll(":scope > details > ol.flat > li > article").Select(a => a.Id).ToList();
        Assert.Equal([$"comment-{ids[6]}", $"comment-{ids[7]}"], flat);
        Assert.Equal($"#comment-{ids[6]}", page.QuerySelector($"#comment-{ids[7]} .replying-to a")!.GetAttribute("href"));

        var permalink = await client.GetDocumentAsync($"/comments/{ids[3]}");
        var shown = permalink.QuerySelectorAll("article.comment-body").Select(a => a.Id).ToList();
        Assert.Equal(ids.Select(i => $"comment-{i}"), shown);
        Assert.Contains("highlighted", permalink.QuerySelector($"#comment-{ids[3]}")!.ParentElement!.ClassName);
        Assert.StartsWith($"/articles/{slug}", permalink.QuerySelector("a[href*='#comment-']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ReplyPage_WorksWithoutJavaScript_AndAReplyToAHiddenCommentIs404()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();
        var parent = Discussions.CommentIdFrom(await client.CommentAsync(slug, "Parent"));

        var page = await client.GetDocumentAsync($"/comments/{parent}/reply");
        Assert.NotNull(page.QuerySelector($"#comment-{parent}"));
        Assert.Equal($"/comments/{parent}/reply", page.QuerySelector("form.comment-form")!.GetAttribute("action"));

        await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == parent).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Rejected)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/comments/{parent}/reply")).StatusCode);
        var (other, _) = await SubscriberAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/comments/{parent}/reply")).StatusCode);
    }

    [Fact]
    public async Task Edit_WithinTheWindow_KeepsARevisionThatOnlyEditorsSee_ThenTheWindowCloses()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await SubscriberAsync();
        var id = Discussions.CommentIdFrom(await client.CommentAsync(slug, "Original wording"));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));

        var edited = await client.PostFormAsync($"/comments/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "Better wording", ["command"] = "post" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");
        Assert.Equal("Better wording", page.QuerySelector($"#comment-{id} .comment-text")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#comment-{id} .comment-edited"));
        Assert.Null((await factory.CreateBrowserClient().GetDocumentAsync($"/comments/{id}")).QuerySelector(".history"));
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        Assert.Contains("Original wording", (await editor.GetDocumentAsync($"/comments/{id}")).QuerySelector(".history")!.TextContent);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await client.PostFormAsync($"/comments/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "Too late", ["command"] = "post" },
            postUrl: $"/comments/{id}/edit", formSelector: "form");
        Assert.Contains("that time is up", await late.Content.ReadAsStringAsync());
        Assert.Equal("Better wording", (await Discussions.LoadCommentAsync(factory, id)).Body);
    }

    [Fact]
    public async Task Delete_WithRepliesLeavesAPlaceholder_WithoutRepliesItDisappears()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await SubscriberAsync();
        var (other, _) = await SubscriberAsync();
        var parent = Discussions.CommentIdFrom(await author.CommentAsync(slug, "PARENT-TEXT"));
        var reply = Discussions.CommentIdFrom(await other.ReplyAsync(parent, "REPLY-TEXT"));
        var lonely = Discussions.CommentIdFrom(await author.CommentAsync(slug, "LONELY-TEXT"));

        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync($"/comments/{parent}/delete", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync($"/comments/{lonely}/delete", new Dictionary<string, string>())).StatusCode);

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");
        Assert.Equal("[deleted]", page.QuerySelector($"#comment-{parent} .comment-placeholder")!.TextContent);
        Assert.Contains("REPLY-TEXT", page.QuerySelector($"#comment-{reply}")!.TextContent);
        Assert.Null(page.QuerySelector($"#comment-{lonely}"));
        Assert.DoesNotContain("PARENT-TEXT", page.Body!.TextContent);
        Assert.Equal("(1)", page.QuerySelector("#comments-title .count")!.TextContent);
    }

    [Fact]
    public async Task AnotherUsersComment_CannotBeEditedOrDeleted()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await SubscriberAsync();
        var (intruder, _) = await SubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Mine, not yours"));
        var token = Html.AntiforgeryToken(await intruder.GetDocumentAsync($"/articles/{slug}"));

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/comments/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/comments/{id}/delete")).StatusCode);
        var edit = await intruder.PostAsync($"/comments/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = "Hijacked", ["command"] = "post", ["__RequestVerificationToken"] = token,
        }));
        var delete = await intruder.PostAsync($"/comments/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var comment = await Discussions.LoadCommentAsync(factory, id);
        Assert.Equal(("Mine, not yours", CommentStatus.Published), (comment.Body, comment.Status));
    }

    [Fact]
    public async Task Recommend_IsAToggleOncePerReader_AndNotForYourOwn()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await SubscriberAsync();
        var (reader, _) = await SubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Worth recommending"));
        async Task<HttpResponseMessage> Toggle(HttpClient client) =>
            await client.PressAsync($"/articles/{slug}", $"#comment-{id} button.recommend");

        await Toggle(reader);
        Assert.Equal(1, (await Discussions.LoadCommentAsync(factory, id)).RecommendCount);
        var page = await reader.GetDocumentAsync($"/articles/{slug}");
        Assert.Equal("true", page.QuerySelector($"#comment-{id} .recommend")!.GetAttribute("aria-pressed"));

        await Toggle(reader);
        Assert.Equal(0, (await Discussions.LoadCommentAsync(factory, id)).RecommendCount);

        Assert.Null((await author.GetDocumentAsync($"/articles/{slug}")).QuerySelector($"#comment-{id} button.recommend"));
        var token = Html.AntiforgeryToken(await author.GetDocumentAsync($"/articles/{slug}"));
        await author.PostAsync($"/comments/{id}/recommend", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(0, (await Discussions.LoadCommentAsync(factory, id)).RecommendCount);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommentRecommendations.CountAsync(r => r.CommentId == id)));
    }

    [Fact]
    public async Task HiddenComments_NeverReachOtherReaders_NotInThePageNorTheCounts()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await SubscriberAsync();
        var shown = Discussions.CommentIdFrom(await author.CommentAsync(slug, "VISIBLE-ONE"));
        foreach (var status in new[] { CommentStatus.Pending, CommentStatus.Rejected, CommentStatus.Removed, CommentStatus.Withdrawn })
        {
            var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, $"HIDDEN-{status}"));
            await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status)));
        }

        var (other, _) = await SubscriberAsync();
        foreach (var client in new[] { factory.CreateBrowserClient(), other })
        {
            var page = await client.GetDocumentAsync($"/articles/{slug}");
            Assert.DoesNotContain("HIDDEN-", page.Body!.TextContent);
            Assert.Equal("(1)", page.QuerySelector("#comments-title .count")!.TextContent);
            var home = await client.GetDocumentAsync("/");
            Assert.NotNull(home.QuerySelector($"a[href='/articles/{slug}#comments']"));
            Assert.Equal("1 comment", home.QuerySelector($"a[href='/articles/{slug}#comments']")!.TextContent);
        }

        Assert.NotNull((await other.GetDocumentAsync($"/articles/{slug}")).QuerySelector($"#comment-{shown}"));
        // Only the author sees their own held and removed comments, marked as such; never withdrawn or legal removals.
        var own = await author.GetDocumentAsync($"/articles/{slug}");
        Assert.Contains("Awaiting review", own.Body!.TextContent);
        Assert.Contains("Removed by moderators", own.Body.TextContent);
        Assert.Contains("HIDDEN-Rejected", own.Body.TextContent);
        Assert.DoesNotContain("HIDDEN-Removed", own.Body.TextContent);
        Assert.DoesNotContain("HIDDEN-Withdrawn", own.Body.TextContent);
    }

    [Fact]
    public async Task PreModeratedArticle_HoldsTheComment_AndSaysSo()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        var (client, _) = await SubscriberAsync();

        var response = await client.CommentAsync(slug, "Held for a human");

        var page = await client.GetDocumentAsync(response.Location()!);
        Assert.StartsWith("Thanks. Held for review: comments on this article are read by an editor", page.QuerySelector(".status-message")!.TextContent);
        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, Discussions.CommentIdFrom(response))).Status);
        Assert.DoesNotContain("Held for a human", (await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).Body!.TextContent);
    }

    [Fact]
    public async Task Paging_FiftyThreadsAPage_WithAPlainShowMoreLinkAndAFragmentForScripts()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        await Discussions.SeedThreadAsync(factory, slug, comments: 160, topLevel: 120, authorId: author.Id);
        var client = factory.CreateBrowserClient();

        var first = await client.GetDocumentAsync($"/articles/{slug}");
        Assert.Equal(50, first.QuerySelectorAll("ol.top-level > li.comment").Length);
        Assert.Equal("Comment 0", first.QuerySelector("ol.top-level > li .comment-text")!.TextContent.Trim());
        var more = first.QuerySelector("a.load-more")!;
        Assert.Equal($"/articles/{slug}?page=2#comments", more.GetAttribute("href"));

        var third = await client.GetDocumentAsync($"/articles/{slug}?page=3");
        Assert.Equal(20, third.QuerySelectorAll("ol.top-level > li.comment").Length);
        Assert.Null(third.QuerySelector("a.load-more"));

        var fragment = await client.GetDocumentAsync(more.GetAttribute("data-fragment")!);
        Assert.Equal(50, fragment.QuerySelectorAll("ol.top-level > li.comment").Length);
        Assert.Null(fragment.QuerySelector("header.site-header"));

        var newest = await client.GetDocumentAsync($"/articles/{slug}?sort=newest");
        Assert.Equal("Comment 119", newest.QuerySelector("ol.top-level > li .comment-text")!.TextContent.Trim());
    }
}

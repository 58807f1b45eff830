using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>The site with its own moderation defaults: first comments held, flood limits on.</summary>
public sealed class ModeratedSiteFactory() : BlogAppFactory(extra: new Dictionary<string, string?>
{
    ["Moderation:FirstCommentsHeld"] = "1",
    ["Moderation:FloodMaxComments"] = "5",
});

public sealed class ModerationTests(ModeratedSiteFactory factory) : IClassFixture<ModeratedSiteFactory>
{
    private async Task<(HttpClient Client, TestUser User)> EstablishedSubscriberAsync()
    {
        // One approved comment already, so the first-comments rule no longer applies.
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var slug = await Discussions.PublishArticleAsync(factory);
        var id = Discussions.CommentIdFrom(await client.CommentAsync(slug, $"First words {Guid.NewGuid():N}"));
        await WithModerationAsync(m => m.ApproveAsync(id, user.Id, CancellationToken.None));
        return (client, user);
    }

    private Task<T> WithModerationAsync<T>(Func<ModerationService, Task<T>> action) =>
        factory.WithScopeAsync(sp => action(sp.GetRequiredService<ModerationService>()));

    private Task<int> DecisionsAsync(long commentId) =>
        factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.CommentId == commentId));

    private static async Task<IReadOnlyList<long>> QueueIdsAsync(HttpClient editor, string queue, string extra = "")
    {
        var page = await editor.GetDocumentAsync($"/moderation?queue={queue}{extra}");
        return page.QuerySelectorAll(".queue-item").Select(i => long.Parse(i.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task FirstComment_IsHeldAndLogged_ThenAnEditorApprovesIt_AndReadersSeeIt()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (newcomer, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var response = await newcomer.CommentAsync(slug, "My first comment here");
        var id = Discussions.CommentIdFrom(response);
        var page = await newcomer.GetDocumentAsync(response.Location()!);
        Assert.Contains("first comments are read by an editor", page.QuerySelector(".status-message")!.TextContent);
        Assert.DoesNotContain("My first comment here", (await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).Body!.TextContent);
        var routed = await factory.WithDbAsync(db => db.ModerationDecisions.SingleAsync(d => d.CommentId == id));
        Assert.Equal((ModerationAction.Routed, null, "first-comments", CommentStatus.Pending, user.Id),
            (routed.Action, routed.ActorId, routed.Rule, routed.ToStatus, routed.SubjectUserId));

        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        // Filtered to the article: other tests in this class fill the queue with comments of their own.
        var articleId = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        Assert.Contains(id, await QueueIdsAsync(editor, "pending", $"&article={articleId}"));
        var approved = await editor.PostFormAsync("/moderation?queue=pending", new Dictionary<string, string>(), postUrl: $"/moderation?queue=pending&handler=approve&id={id}", formSelector: "form.queue");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        Assert.Contains("My first comment here", (await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).Body!.TextContent);
        var decision = await factory.WithDbAsync(db => db.ModerationDecisions.OrderBy(d => d.Id).LastAsync(d => d.CommentId == id));
        Assert.Equal((ModerationAction.Approved, editorUser.Id, CommentStatus.Pending, CommentStatus.Approved), (decision.Action, decision.ActorId, decision.FromStatus, decision.ToStatus));
    }

    [Fact]
    public async Task Queues_ComputeTheirMembershipFromStatusAndReports()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        long Post(HttpResponseMessage r) => Discussions.CommentIdFrom(r);
        var published = Post(await author.CommentAsync(slug, "unreviewed one"));
        var approved = Post(await author.CommentAsync(slug, "approved one"));
        var rejected = Post(await author.CommentAsync(slug, "rejected one"));
        var reported = Post(await author.CommentAsync(slug, "reported one"));
        await WithModerationAsync(m => m.ApproveAsync(approved, editorUser.Id, CancellationToken.None));
        await WithModerationAsync(m => m.RejectAsync(rejected, "spam", "", editorUser.Id, CancellationToken.None));
        var reporter = await TestUsers.CreateAsync(factory, TestRole.Member);
        await WithModerationAsync(m => m.ReportAsync(reported, reporter.Id, ReportReason.Abuse, "", CancellationToken.None));
        var article = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        var only = $"&article={article}";

        Assert.Equal([reported, published], await QueueIdsAsync(editor, "unmoderated", only));
        Assert.Equal([approved], await QueueIdsAsync(editor, "approved", only));
        Assert.Equal([rejected], await QueueIdsAsync(editor, "rejected", only));
        Assert.Equal([reported], await QueueIdsAsync(editor, "reported", only));
        Assert.Empty(await QueueIdsAsync(editor, "pending", only));
        Assert.Equal([published, reported], await QueueIdsAsync(editor, "unmoderated", only + "&order=oldest"));
    }

    [Fact]
    public async Task Reports_OnePerReader_AndTheThresholdHidesTheCommentUntilReviewed()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "A contentious claim"));
        var readers = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            readers.Add((await TestUsers.SignedInClientAsync(factory, TestRole.Member)).Client);
        }

        async Task<HttpResponseMessage> Report(HttpClient reader) =>
            await reader.PostFormAsync($"/comments/{id}/report", new Dictionary<string, string> { ["Reason"] = "Defamation", ["Details"] = "Untrue" });

        Assert.Equal(HttpStatusCode.Redirect, (await Report(readers[0])).StatusCode);
        var again = await Report(readers[0]);
        Assert.Contains("already reported", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Report(readers[1])).StatusCode);
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Report(readers[2])).StatusCode);
        var held = await Discussions.LoadCommentAsync(factory, id);
        Assert.Equal((CommentStatus.Pending, "reported"), (held.Status, held.ModerationCode));
        Assert.DoesNotContain("A contentious claim", (await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).Body!.TextContent);
        var decision = await factory.WithDbAsync(db => db.ModerationDecisions.SingleAsync(d => d.CommentId == id && d.Action == ModerationAction.HeldOnReports));
        Assert.Equal(("report-threshold", null), (decision.Rule, decision.ActorId));

        // Nobody can report their own comment.
        Assert.Contains("cannot report your own", await (await author.PostFormAsync($"/comments/{Discussions.CommentIdFrom(await author.CommentAsync(slug, "mine to keep"))}/report",
            new Dictionary<string, string> { ["Reason"] = "Spam" })).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpeningAReportedComment_RecordsWhenTheSiteFirstKnew_Once()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Reported and read"));
        var reporter = await TestUsers.CreateAsync(factory, TestRole.Member);
        await WithModerationAsync(m => m.ReportAsync(id, reporter.Id, ReportReason.Defamation, "false claim", CancellationToken.None));
        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        Assert.Contains("not yet opened", (await editor.GetDocumentAsync("/moderation?queue=reported")).QuerySelector($"#item-{id}")!.TextContent);
        await editor.GetAsync($"/moderation/comments/{id}");
        var firstSeen = (await Discussions.LoadCommentAsync(factory, id)).ReportSeenAt;
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await editor.GetAsync($"/moderation/comments/{id}");

        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(-5), firstSeen);
        Assert.Equal(firstSeen, (await Discussions.LoadCommentAsync(factory, id)).ReportSeenAt);
        var seen = await factory.WithDbAsync(db => db.ModerationDecisions.Where(d => d.CommentId == id && d.Action == ModerationAction.ReportSeen).ToListAsync());
        Assert.Equal(editorUser.Id, Assert.Single(seen).ActorId);
        // An open defamation report means staff cannot endorse it.
        Assert.False((await WithModerationAsync(m => m.FeatureAsync(id, true, editorUser.Id, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task Reject_NeedsAGround_AndOnlyTheAuthorSeesItRemovedWithTheReasonAndNote()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Rude remark about a witness"));
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var noGround = await editor.PostFormAsync("/moderation?queue=unmoderated", new Dictionary<string, string>(), postUrl: $"/moderation?queue=unmoderated&handler=reject&id={id}", formSelector: "form.queue");
        Assert.Contains("never rejected without one", (await editor.GetDocumentAsync(noGround.Location()!)).QuerySelector(".status-message")!.TextContent);
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, id)).Status);

        await editor.PostFormAsync("/moderation?queue=unmoderated", new Dictionary<string, string> { [$"reason-{id}"] = "abuse", [$"note-{id}"] = "Please keep witnesses out of it." },
            postUrl: $"/moderation?queue=unmoderated&handler=reject&id={id}", formSelector: "form.queue");

        var own = await author.GetDocumentAsync($"/articles/{slug}");
        var notice = own.QuerySelector($"#comment-{id} .moderation-notice")!.TextContent;
        Assert.Contains("Removed by moderators: Abusive or harassing.", notice);
        Assert.Contains("Please keep witnesses out of it.", notice);
        var (other, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        Assert.Null((await other.GetDocumentAsync($"/articles/{slug}")).QuerySelector($"#comment-{id}"));
        Assert.Null((await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).QuerySelector($"#comment-{id}"));

        // Restore brings it back for everyone.
        await editor.PostFormAsync("/moderation?queue=rejected", new Dictionary<string, string>(), postUrl: $"/moderation?queue=rejected&handler=restore&id={id}", formSelector: "form.queue");
        Assert.NotNull((await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task Feature_PutsTheCommentFirstAndMarksIt()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        Discussions.CommentIdFrom(await author.CommentAsync(slug, "Early comment"));
        var later = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Later, better comment"));
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);

        Assert.True((await WithModerationAsync(m => m.FeatureAsync(later, true, editor.Id, CancellationToken.None))).Succeeded);

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");
        var first = page.QuerySelector("ol.top-level > li > article")!;
        Assert.Equal($"comment-{later}", first.Id);
        Assert.Equal("Editor's pick", first.QuerySelector(".badge-featured")!.TextContent);
    }

    [Fact]
    public async Task BulkActions_ApproveAndRejectTheSelection_WithADecisionEach()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        var (author, _) = await EstablishedSubscriberAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(Discussions.CommentIdFrom(await author.CommentAsync(slug, $"held {i}")));
        }

        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        HttpContent Selection(IEnumerable<long> chosen, string token, params (string, string)[] more) => new FormUrlEncodedContent(
            chosen.Select(i => new KeyValuePair<string, string>("ids", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(more.Select(m => new KeyValuePair<string, string>(m.Item1, m.Item2)))
                .Append(new("__RequestVerificationToken", token)));
        var token = Html.AntiforgeryToken(await editor.GetDocumentAsync("/moderation?queue=pending"));

        await editor.PostAsync("/moderation?queue=pending&handler=bulk&bulkAction=approve", Selection(ids.Take(2), token));
        await editor.PostAsync("/moderation?queue=pending&handler=bulk&bulkAction=reject", Selection(ids.Skip(2), token, ("bulkReason", "off-topic")));

        var statuses = await factory.WithDbAsync(db => db.Comments.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        Assert.Equal([CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Rejected, CommentStatus.Rejected], statuses);
        foreach (var id in ids)
        {
            Assert.Equal(2, await DecisionsAsync(id)); // routed + the human decision
        }
    }

    [Fact]
    public async Task Sanctions_SuspendUntilAnEnd_BanRefuses_AlwaysPreModerateHolds()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (member, user) = await EstablishedSubscriberAsync();
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        async Task Sanction(string kind, string duration) =>
            await editor.PostFormAsync($"/moderation/users/{user.Id}", new Dictionary<string, string> { ["kind"] = kind, ["duration"] = duration, ["reason"] = "Repeated abuse" },
                formSelector: "form.sanction-form");

        await Sanction("Suspension", "24h");
        var page = await member.GetDocumentAsync($"/articles/{slug}");
        Assert.Contains($"You are suspended until {TypedTime.Zone.LongText(factory.Clock.GetUtcNow().AddHours(24))}", page.QuerySelector(".comment-closed")!.TextContent);
        Assert.Contains("Repeated abuse", page.QuerySelector(".comment-closed")!.TextContent);
        var token = Html.AntiforgeryToken(await member.GetDocumentAsync("/account/manage"));
        var fields = Discussions.Comment("Trying anyway");
        fields["__RequestVerificationToken"] = token;
        var refused = await member.PostAsync($"/articles/{slug}?handler=comment", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Body == "Trying anyway")));

        factory.Clock.Advance(TimeSpan.FromHours(25));
        Assert.NotNull((await member.GetDocumentAsync($"/articles/{slug}")).QuerySelector("form.comment-form textarea"));

        await Sanction("AlwaysPreModerate", "");
        var held = Discussions.CommentIdFrom(await member.CommentAsync(slug, "Watched from now on"));
        Assert.Equal(("author-pre-moderated", CommentStatus.Pending), ((await Discussions.LoadCommentAsync(factory, held)).ModerationCode, (await Discussions.LoadCommentAsync(factory, held)).Status));

        await Sanction("Ban", "");
        Assert.Contains("banned from commenting", (await member.GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent);
        var history = await editor.GetDocumentAsync($"/moderation/users/{user.Id}");
        Assert.Equal(3, history.QuerySelectorAll(".sanctions li").Length);
        Assert.Equal(3, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.SubjectUserId == user.Id && d.Action == ModerationAction.Sanctioned)));
    }

    [Fact]
    public async Task SuppressionOrder_HoldsNewCommentsAndEditsThatNameTheProtectedPerson()
    {
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        var caseId = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BlogDbContext>();
            var record = new Case { Name = $"R v Suppressed {Guid.NewGuid():N}", Slug = $"r-v-suppressed-{Guid.NewGuid():N}", ProceedingsStatus = ProceedingsStatus.Concluded };
            db.Cases.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SuppressionOrderService>().AddAsync(new OrderInput(caseId, SuppressionOrderType.Interim,
            "complainant", "John Smith\nPonsonby dentist", factory.Clock.GetUtcNow().AddDays(-1), factory.Clock.GetUtcNow().AddHours(12), null), editor.Id, CancellationToken.None));
        var slug = await Discussions.PublishArticleAsync(factory);
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseId, caseId)));
        var (author, _) = await EstablishedSubscriberAsync();

        var named = Discussions.CommentIdFrom(await author.CommentAsync(slug, "We all know it was J S m i t h"));
        Assert.Equal(("suppression", CommentStatus.Pending), ((await Discussions.LoadCommentAsync(factory, named)).ModerationCode, (await Discussions.LoadCommentAsync(factory, named)).Status));

        var innocent = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Johnson Smithers gave evidence"));
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, innocent)).Status);
        await author.PostFormAsync($"/comments/{innocent}/edit", new Dictionary<string, string> { ["Input.Body"] = "Actually it was Jóhn Smíth", ["command"] = "post" });
        Assert.Equal(CommentStatus.Pending, (await Discussions.LoadCommentAsync(factory, innocent)).Status);

        // The interim order is due at its next appearance: it shows on the queue page.
        var (editorClient, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        Assert.Contains("complainant", (await editorClient.GetDocumentAsync("/moderation")).QuerySelector(".due-orders")!.TextContent);
    }

    [Fact]
    public async Task SubJudice_ActiveProceedingsHoldCommentsAndShowANotice()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var caseId = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BlogDbContext>();
            var record = new Case { Name = $"Police v Accused {Guid.NewGuid():N}", Slug = $"police-v-accused-{Guid.NewGuid():N}", ProceedingsStatus = ProceedingsStatus.Charged };
            db.Cases.Add(record);
            await db.SaveChangesAsync();
            await db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.CaseId, record.Id));
            return record.Id;
        });
        var (author, _) = await EstablishedSubscriberAsync();

        var page = await author.GetDocumentAsync($"/articles/{slug}");
        Assert.Contains("Proceedings in this case are active (charged)", page.QuerySelector(".sub-judice")!.TextContent);
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Surely guilty"));
        Assert.Equal(("sub-judice", CommentStatus.Pending), ((await Discussions.LoadCommentAsync(factory, id)).ModerationCode, (await Discussions.LoadCommentAsync(factory, id)).Status));
        _ = caseId;
    }

    [Fact]
    public async Task ArticleControls_CloseAndReopenComments_WithADecision()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var articleId = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var (reader, _) = await EstablishedSubscriberAsync();

        await editor.PostFormAsync($"/moderation/articles/{articleId}", new Dictionary<string, string> { ["mode"] = "Closed" });
        Assert.StartsWith("Comments are closed.", (await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent.Trim());

        await editor.PostFormAsync($"/moderation/articles/{articleId}", new Dictionary<string, string> { ["mode"] = "Open" });
        Assert.NotNull((await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector("form.comment-form"));
        var actions = await factory.WithDbAsync(db => db.ModerationDecisions.Where(d => d.ArticleId == articleId && d.CommentId == null).OrderBy(d => d.Id).Select(d => d.Action).ToListAsync());
        Assert.Equal([ModerationAction.CommentsClosed, ModerationAction.CommentsReopened], actions);
    }

    [Fact]
    public async Task AutoClose_ClosesCommentsAfterTheSiteDefaultNumberOfDays()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (reader, _) = await EstablishedSubscriberAsync();
        Assert.NotNull((await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector("form.comment-form"));

        factory.Clock.Advance(TimeSpan.FromDays(31));

        Assert.StartsWith("Comments are closed.", (await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelector(".comment-closed")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDecisionLog_IsAppendOnly_InCodeAndInTheDatabase()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "On the record"));

        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BlogDbContext>();
            var decision = await db.ModerationDecisions.FirstAsync(d => d.CommentId == id);
            decision.Note = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.ModerationDecisions.Remove(await db.ModerationDecisions.FirstAsync(d => d.CommentId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            // The database's own triggers refuse it too (SQLite and PostgreSQL alike).
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE \"ModerationDecisions\" SET \"Note\" = 'x' WHERE \"CommentId\" = {id}"));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"ModerationDecisions\" WHERE \"CommentId\" = {id}"));
        });

        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var log = await editor.GetDocumentAsync($"/moderation/log?comment={id}");
        var row = log.QuerySelector(".data-table tbody tr")!.TextContent;
        // Plain words, never the stored codes.
        Assert.Contains("New or edited comment routed", row);
        Assert.Contains("the site (nothing held it)", row);
        Assert.DoesNotContain("Routed", row);
        Assert.DoesNotContain("default", row);
    }

    [Fact]
    public async Task ActionsFromACommentsOwnPage_ComeBackToIt_ButNeverToAnotherSite()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Approved from its own page"));
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var page = await editor.GetDocumentAsync($"/moderation/comments/{id}");
        var approve = page.QuerySelector($"button[data-action='approve']")!.GetAttribute("formaction")!;
        var done = await editor.PostFormAsync($"/moderation/comments/{id}", new Dictionary<string, string>(), postUrl: approve, formSelector: "form.queue");

        Assert.Equal($"/moderation/comments/{id}", done.Location());
        Assert.Equal(CommentStatus.Approved, (await Discussions.LoadCommentAsync(factory, id)).Status);
        var away = await editor.PostFormAsync($"/moderation/comments/{id}", new Dictionary<string, string>(),
            postUrl: $"/moderation?returnTo={Uri.EscapeDataString("https://evil.example/moderation/")}&handler=feature&id={id}&featured=true", formSelector: "form.queue");
        Assert.StartsWith("/moderation?", away.Location());
    }

    [Fact]
    public async Task EveryAction_AppendsExactlyOneDecision_WithItsActor()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, authorUser) = await EstablishedSubscriberAsync();
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, "Audited comment"));
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        async Task Expect(ModerationAction action, Func<ModerationService, Task<ModerationResult>> act)
        {
            var before = await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync());
            Assert.True((await WithModerationAsync(act)).Succeeded, action.ToString());
            var added = await factory.WithDbAsync(db => db.ModerationDecisions.Where(d => d.Id > 0).OrderByDescending(d => d.Id).Take(1).SingleAsync());
            Assert.Equal(before + 1, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync()));
            Assert.Equal((action, editor.Id), (added.Action, added.ActorId));
        }

        await Expect(ModerationAction.Featured, m => m.FeatureAsync(id, true, editor.Id, CancellationToken.None));
        await Expect(ModerationAction.Unfeatured, m => m.FeatureAsync(id, false, editor.Id, CancellationToken.None));
        await Expect(ModerationAction.Approved, m => m.ApproveAsync(id, editor.Id, CancellationToken.None));
        await Expect(ModerationAction.Rejected, m => m.RejectAsync(id, "spam", "", editor.Id, CancellationToken.None));
        await Expect(ModerationAction.Restored, m => m.RestoreAsync(id, editor.Id, CancellationToken.None));
        await Expect(ModerationAction.Sanctioned, m => m.SanctionAsync(authorUser.Id, SanctionKind.Warning, null, null, "Tone", editor.Id, CancellationToken.None));
        var sanctionId = await factory.WithDbAsync(db => db.UserSanctions.Where(s => s.UserId == authorUser.Id).Select(s => s.Id).SingleAsync());
        await Expect(ModerationAction.SanctionLifted, m => m.LiftAsync(sanctionId, editor.Id, CancellationToken.None));
        var articleId = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        await Expect(ModerationAction.PreModerationOn, m => m.SetCommentModeAsync(articleId, CommentMode.PreModerated, editor.Id, CancellationToken.None));

        // A refused action records nothing.
        var count = await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync());
        Assert.False((await WithModerationAsync(m => m.RestoreAsync(id, editor.Id, CancellationToken.None))).Succeeded);
        Assert.Equal(count, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync()));
    }

    [Fact]
    public async Task QueuePaging_IsKeyset_WithoutOverlapOrGaps()
    {
        var slug = await Discussions.PublishArticleAsync(factory, mode: CommentMode.PreModerated);
        var author = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        var articleId = await Discussions.SeedThreadAsync(factory, slug, comments: 30, topLevel: 30, authorId: author.Id);
        await factory.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == articleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Pending)));
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var first = await editor.GetDocumentAsync($"/moderation?queue=pending&article={articleId}");
        var firstIds = first.QuerySelectorAll(".queue-item").Select(i => i.GetAttribute("data-id")).ToList();
        var next = first.QuerySelector(".pager a")!.GetAttribute("href")!;
        var second = await editor.GetDocumentAsync(next);
        var secondIds = second.QuerySelectorAll(".queue-item").Select(i => i.GetAttribute("data-id")).ToList();

        Assert.Equal(25, firstIds.Count);
        Assert.Equal(5, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Null(second.QuerySelector(".pager a"));
    }

    [Fact]
    public async Task TheQueue_SpeaksPlainWords_KeepsReportedComments_AndFiltersIncludeWhatWasJustHeld()
    {
        var (editor, editorUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        await editor.GetAsync("/moderation?queue=pending");
        var slug = await Discussions.PublishArticleAsync(factory, title: $"Plain words {Guid.NewGuid():N}");
        var (newcomer, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        // Held a moment ago: its article and reason are in the filters at once, and the reason is in words.
        var held = Discussions.CommentIdFrom(await newcomer.CommentAsync(slug, "My very first comment here."));
        var pending = await editor.GetDocumentAsync("/moderation?queue=pending");
        var articleId = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        Assert.Contains(pending.QuerySelectorAll("#article option"), o => o.GetAttribute("value") == articleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reason = pending.QuerySelectorAll("#reason option").Single(o => o.GetAttribute("value") == "first-comments");
        Assert.Equal("One of the author's first comments", reason.TextContent);
        var filtered = await editor.GetDocumentAsync($"/moderation?queue=pending&article={articleId}&reason=first-comments");
        var item = filtered.QuerySelector($"#item-{held}")!;
        Assert.Contains("One of the author's first comments", item.QuerySelector(".why")!.TextContent);
        Assert.DoesNotContain("first-comments", item.TextContent);
        Assert.NotEqual(item.QuerySelector("[data-action=approve]")!.ClassName, item.QuerySelector("[data-action=reject]")!.ClassName);

        // A reported comment that is up is kept (its reports cleared), not approved.
        var (author, _) = await EstablishedSubscriberAsync();
        var reported = Discussions.CommentIdFrom(await author.CommentAsync(slug, "A comment someone will report."));
        await WithModerationAsync(m => m.ApproveAsync(reported, editorUser.Id, CancellationToken.None));
        var reporter = await TestUsers.CreateAsync(factory, TestRole.Member);
        await WithModerationAsync(m => m.ReportAsync(reported, reporter.Id, ReportReason.OffTopic, "", CancellationToken.None));
        var queue = await editor.GetDocumentAsync("/moderation?queue=reported");
        var button = queue.QuerySelector($"#item-{reported} [data-action=approve]")!;
        Assert.Equal("Keep", button.TextContent.Trim());

        var kept = await editor.PressAsync("/moderation?queue=reported", $"#item-{reported} [data-action=approve]");

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == reported && r.ResolvedAt == null)));
        Assert.Equal(CommentStatus.Approved, (await Discussions.LoadCommentAsync(factory, reported)).Status);
        Assert.DoesNotContain(reported, await QueueIdsAsync(editor, "reported"));
    }
}

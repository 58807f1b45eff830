using System.Net;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Blog.Web.Tests.Pages.Legal.Complaints;

namespace Blog.Web.Tests.Pages.Legal;

/// <summary>
/// Every restriction comes with a statement of reasons, on the site and by mail; the author may appeal for six months,
/// to someone other than who decided; a reversal undoes the restriction, goes on the log and is told.
/// </summary>
public sealed class StatementTests : IDisposable
{
    private readonly BlogAppFactory factory = new(extra: ByHand);

    public void Dispose() => factory.Dispose();

    private Task<ModerationResult> ModerateAsync(Func<ModerationService, Task<ModerationResult>> action) =>
        factory.WithScopeAsync(sp => action(sp.GetRequiredService<ModerationService>()));

    private Task<StatementOfReasons> StatementForAsync(string userId) =>
        factory.WithDbAsync(db => db.StatementsOfReasons.AsNoTracking().SingleAsync(s => s.UserId == userId));

    private static Task<HttpResponseMessage> AppealAsync(HttpClient author, long statementId, string text) =>
        author.PostFormAsync($"/account/decisions/{statementId}", new Dictionary<string, string> { ["AppealText"] = text });

    [Fact]
    public async Task ARejection_IssuesAStatement_TheAuthorAppeals_TheSameModeratorCannotDecide_AnotherReverses()
    {
        var comment = await CommentAsync(factory);
        var first = await TestUsers.CreateAsync(factory, TestRole.Editor);
        var second = await TestUsers.CreateAsync(factory, TestRole.Editor);
        Assert.True((await ModerateAsync(m => m.RejectAsync(comment.Id, "abuse", "Play the ball, not the receiver.", first.Id, CancellationToken.None))).Succeeded);

        var statement = await StatementForAsync(comment.AuthorUser.Id);
        Assert.Equal(RestrictionKind.CommentRejected, statement.Kind);
        Assert.Equal(RestrictionSource.OwnInitiative, statement.Source);
        Assert.False(statement.Automated);
        Assert.Equal(first.Id, statement.DecidedById);
        Assert.Equal(ModerationReasons.Describe("abuse"), statement.Ground);
        Assert.Equal(factory.Clock.GetUtcNow().AddMonths(6), statement.AppealUntil);
        var mail = Assert.Single(factory.Mailbox.To(comment.AuthorUser.Email), m => m.Subject == "Why we restricted your comment");
        Assert.Contains("Play the ball, not the receiver.", mail.TextBody);
        Assert.Contains($"/account/decisions/{statement.Id}", mail.TextBody);

        var page = await comment.Author.GetDocumentAsync($"/account/decisions/{statement.Id}");
        Assert.Contains("It was decided by a person.", page.QuerySelector(".statement")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await AppealAsync(comment.Author, statement.Id, "It was fair comment on a public officer.")).StatusCode);
        var again = await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Legal.Statements>().AppealAsync(statement.Id, comment.AuthorUser.Id, "Again.", CancellationToken.None));
        Assert.False(again.Succeeded);
        Assert.Contains("already appealed", again.Message, StringComparison.Ordinal);

        var appealId = await factory.WithDbAsync(db => db.Appeals.Where(a => a.StatementId == statement.Id).Select(a => a.Id).SingleAsync());
        var refused = await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Legal.Statements>().DecideAsync(appealId, true, "On reflection, fine.", first.Id, CancellationToken.None));
        Assert.False(refused.Succeeded);
        Assert.Contains("another moderator", refused.Message, StringComparison.Ordinal);

        var secondClient = await SignInAsync(second);
        var response = await secondClient.PostFormAsync("/moderation/appeals",
            new Dictionary<string, string> { ["reasons"] = "Robust, but about the conduct of the case.", ["decision"] = "reverse" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.True((await Discussions.LoadCommentAsync(factory, comment.Id)).Status.IsVisible());
        Assert.True(await factory.WithDbAsync(db => db.ModerationDecisions.AnyAsync(d => d.CommentId == comment.Id && d.Action == ModerationAction.AppealReversed && d.ActorId == second.Id)));
        Assert.Contains(factory.Mailbox.To(comment.AuthorUser.Email), m => m.Subject == "The outcome of your appeal" && (m.TextBody ?? "").Contains("Robust, but about the conduct", StringComparison.Ordinal));
        Assert.Contains("succeeded", (await comment.Author.GetDocumentAsync($"/account/decisions/{statement.Id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectionAfterReports_IsOnNotice()
    {
        var comment = await CommentAsync(factory);
        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        await reader.PostFormAsync($"/comments/{comment.Id}/report", new Dictionary<string, string> { ["Reason"] = nameof(ReportReason.Abuse) });
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        await ModerateAsync(m => m.RejectAsync(comment.Id, "abuse", "", editor.Id, CancellationToken.None));
        Assert.Equal(RestrictionSource.Notice, (await StatementForAsync(comment.AuthorUser.Id)).Source);
    }

    [Fact]
    public async Task ASuspension_IssuesAStatementWithItsEnd_AndAReversedAppealLiftsIt()
    {
        var member = await TestUsers.CreateAsync(factory, TestRole.Subscriber);
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        var other = await TestUsers.CreateAsync(factory, TestRole.Editor);
        Assert.True((await ModerateAsync(m => m.SanctionAsync(member.Id, SanctionKind.Suspension, TimeSpan.FromDays(7), null, "Repeated personal attacks.", editor.Id, CancellationToken.None))).Succeeded);
        var statement = await StatementForAsync(member.Id);
        Assert.Equal(RestrictionKind.Suspension, statement.Kind);
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(7), statement.Until);
        Assert.NotNull(statement.SanctionId);

        var client = await SignInAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, (await AppealAsync(client, statement.Id, "They were replies to attacks on me.")).StatusCode);
        var appealId = await factory.WithDbAsync(db => db.Appeals.Where(a => a.StatementId == statement.Id).Select(a => a.Id).SingleAsync());
        var decided = await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Legal.Statements>().DecideAsync(appealId, true, "Provoked; lifted.", other.Id, CancellationToken.None));
        Assert.True(decided.Succeeded);
        var sanction = await factory.WithDbAsync(db => db.UserSanctions.AsNoTracking().SingleAsync(s => s.Id == statement.SanctionId));
        Assert.False(sanction.IsActive(factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task ARuleThatRejects_IssuesAnAutomatedStatement()
    {
        await ModerateAsync(m => m.AddWordAsync(WordListKind.Banned, "blaggard", CancellationToken.None));
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await author.CommentAsync(slug, "The liquidator is a blaggard.");
        var statement = await StatementForAsync(user.Id);
        Assert.True(statement.Automated);
        Assert.Null(statement.DecidedById);
        Assert.Equal("banned-words", statement.GroundCode);
    }

    [Fact]
    public async Task AnAppeal_IsRefusedAfterSixMonths_AndSomeoneElsesStatementIsNotFound()
    {
        var comment = await CommentAsync(factory);
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        await ModerateAsync(m => m.RejectAsync(comment.Id, "spam", "", editor.Id, CancellationToken.None));
        var statement = await StatementForAsync(comment.AuthorUser.Id);

        var (stranger, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/account/decisions/{statement.Id}")).StatusCode);

        factory.Clock.SetUtcNow(statement.AppealUntil.AddMinutes(1));
        var author = await SignInAsync(comment.AuthorUser);
        var page = await author.GetDocumentAsync($"/account/decisions/{statement.Id}");
        Assert.Null(page.QuerySelector("textarea[name=AppealText]"));
        Assert.Contains("The time to appeal ended", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var refused = await factory.WithScopeAsync(sp => sp.GetRequiredService<Blog.Web.Services.Legal.Statements>().AppealAsync(statement.Id, comment.AuthorUser.Id, "Late.", CancellationToken.None));
        Assert.False(refused.Succeeded);
    }

    private async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, user.Password)).StatusCode);
        return client;
    }
}

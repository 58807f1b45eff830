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
/// Statutory complaints under the NZ Harmful Digital Communications Act (the default regime): 48 hours to tell the
/// author, 48 hours for the author to answer, each branch, by the site's clock.
/// </summary>
public sealed class ComplaintTests : IDisposable
{
    private readonly BlogAppFactory factory = new(extra: ByHand);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AReaderWithoutAnAccount_Complains_IsSentAReference_AndTheAuthorIsSentTheComplaintWithTheirIdentityWithheld()
    {
        var comment = await CommentAsync(factory);
        var anonymous = factory.CreateBrowserClient();
        var page = await anonymous.GetDocumentAsync($"/comments/{comment.Id}/complaint");
        Assert.NotNull(page.QuerySelector("input[name='Input.Name']"));

        var reference = await FileAsync(factory, comment.Id);
        Assert.Matches("^LC-[A-Z0-9]{10}$", reference);
        var received = await anonymous.GetDocumentAsync($"/complaints/received/{reference}");
        Assert.Contains(reference, received.QuerySelector("main")!.TextContent);

        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintStage.AwaitingAnswer, complaint.Stage);
        Assert.Equal(factory.Clock.GetUtcNow(), complaint.AuthorNotifiedAt);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(48), complaint.Deadline);
        Assert.Equal([ComplaintEventKind.Received, ComplaintEventKind.Acknowledged, ComplaintEventKind.AuthorNotified], await EventsAsync(factory, reference));

        var acknowledgement = Assert.Single(factory.Mailbox.To(ComplainantEmail));
        Assert.Contains(reference, acknowledgement.TextBody);
        var notice = Assert.Single(factory.Mailbox.To(comment.AuthorUser.Email));
        Assert.Contains(reference, notice.TextBody);
        Assert.Contains("/account/complaints/" + reference, notice.TextBody);
        Assert.Contains("29 November 2026, 22:00 NZDT", notice.TextBody);

        // Every message is on the record exactly as it was sent.
        var copies = await factory.WithDbAsync(db => db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == complaint.Id && e.MessageBody != "").ToListAsync());
        Assert.Contains(copies, c => c.MessageTo == comment.AuthorUser.Email && c.MessageBody == (notice.TextBody ?? "").ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task TheAuthorsView_NeverShowsAWithheldComplainant_OnThePageOrInTheMail()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        var notice = Assert.Single(factory.Mailbox.To(comment.AuthorUser.Email)).TextBody;
        var html = await (await comment.Author.GetAsync($"/account/complaints/{reference}")).Content.ReadAsStringAsync();
        Assert.Contains("It accuses an identifiable officer", html);
        foreach (var text in new[] { html, notice })
        {
            Assert.DoesNotContain(ComplainantName, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ComplainantEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Thorndon", text);
            Assert.DoesNotContain("555 0199", text);
        }

        // Someone else's complaint is not found at all.
        var (stranger, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/account/complaints/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync($"/account/complaints/{reference}")).StatusCode);
    }

    [Fact]
    public async Task AComplainantWhoAgrees_IsNamedToTheAuthor()
    {
        var comment = await CommentAsync(factory);
        await FileAsync(factory, comment.Id, share: true);
        Assert.Contains(ComplainantName, Assert.Single(factory.Mailbox.To(comment.AuthorUser.Email)).TextBody);
    }

    [Fact]
    public async Task AnIncompleteComplaint_SaysWhichFieldsAreWrong_AndKeepsWhatWasTyped()
    {
        var comment = await CommentAsync(factory);
        var form = Form();
        form["Input.Email"] = "not an address";
        form["Input.Phone"] = "";
        form["Input.Declared"] = "false";
        var response = await factory.CreateBrowserClient().PostFormAsync($"/comments/{comment.Id}/complaint", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = Html.Errors(page);
        Assert.Contains(errors, e => e.Contains("email address like", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("phone number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("declaration", StringComparison.Ordinal));
        Assert.Equal(form["Input.Why"], page.QuerySelector("textarea[name='Input.Why']")!.TextContent);
        Assert.Equal(ComplainantName, page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Complaints.CountAsync()));
        Assert.Empty(factory.Mailbox.To(ComplainantEmail));
    }

    [Fact]
    public async Task TheAuthorConsents_TheCommentComesDownAtOnce_WithAStatementOfReasons_AndTheComplainantIsTold()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(comment, reference)).StatusCode);

        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintOutcome.RemovedWithConsent, complaint.Outcome);
        Assert.Equal(factory.Clock.GetUtcNow(), complaint.RemovedAt);
        Assert.Contains(ComplaintEventKind.Consented, await EventsAsync(factory, reference));
        Assert.Contains(factory.Mailbox.To(ComplainantEmail), m => (m.Subject ?? "").Contains("agreed", StringComparison.Ordinal));
        var article = await (await factory.CreateAnonymousClient().GetAsync($"/articles/{comment.Slug}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(comment.Body, article);

        var statement = await factory.WithDbAsync(db => db.StatementsOfReasons.AsNoTracking().SingleAsync(s => s.CommentId == comment.Id));
        Assert.Equal(RestrictionKind.CommentRemoved, statement.Kind);
        Assert.Equal(RestrictionSource.Notice, statement.Source);
        Assert.True(statement.LegalGround);
        Assert.Contains("Harmful Digital Communications Act", statement.Ground);
        Assert.Equal(complaint.Id, statement.ComplaintId);
        Assert.Contains(factory.Mailbox.To(comment.AuthorUser.Email), m => m.Subject == "Why we restricted your comment");

        // The answer is given once: a second one is refused with the reason.
        var again = await comment.Author.GetDocumentAsync($"/account/complaints/{reference}");
        Assert.Null(again.QuerySelector("form[action*='handler=Consent']"));
    }

    [Fact]
    public async Task ACounterNotice_KeepsTheCommentUp_AndTheComplainantIsSentIt()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(comment, reference, "The receiver's own report to the court says so.")).StatusCode);

        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        Assert.Equal(ComplaintOutcome.KeptUpOnCounterNotice, (await LoadAsync(factory, reference)).Outcome);
        Assert.Contains(factory.Mailbox.To(ComplainantEmail), m => (m.TextBody ?? "").Contains("The receiver's own report to the court says so.", StringComparison.Ordinal));

        // A clock that passes the old deadline changes nothing now.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
    }

    [Fact]
    public async Task ACounterNoticeWithoutTheDeclaration_IsRefused_KeepingItsText()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        var response = await comment.Author.PostFormAsync($"/account/complaints/{reference}",
            new Dictionary<string, string> { ["CounterNotice"] = "It is true and I can show it." }, formSelector: "form[action*='handler=CounterNotice']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("declaration", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("It is true and I can show it.", page.QuerySelector("textarea[name=CounterNotice]")!.TextContent);
        Assert.Equal(ComplaintStage.AwaitingAnswer, (await LoadAsync(factory, reference)).Stage);
    }

    [Fact]
    public async Task NoAnswer_TheAuthorIsRemindedOnce_ThenAtTheDeadlineTheCommentComesDown()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);

        factory.Clock.Advance(TimeSpan.FromHours(35));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunDeadlinesAsync(factory));
        Assert.Contains(factory.Mailbox.To(comment.AuthorUser.Email), m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);

        factory.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RunDeadlinesAsync(factory));

        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintOutcome.RemovedNoAnswer, complaint.Outcome);
        Assert.Null(complaint.DueAt);
        Assert.True(await factory.WithDbAsync(db => db.StatementsOfReasons.AnyAsync(s => s.CommentId == comment.Id && s.Automated && s.DecidedById == null)));
        Assert.Contains(factory.Mailbox.To(ComplainantEmail), m => (m.Subject ?? "").Contains("no answer", StringComparison.Ordinal));

        // Too late to answer: the page says so, and a forged answer is refused.
        var late = await comment.Author.GetDocumentAsync($"/account/complaints/{reference}");
        Assert.Contains("Closed", late.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorWhoCannotBeReached_LosesTheComment48HoursAfterReceipt()
    {
        var comment = await CommentAsync(factory, confirmedAuthor: false);
        var reference = await FileAsync(factory, comment.Id);
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintStage.AuthorUnreachable, complaint.Stage);
        Assert.Empty(factory.Mailbox.To(comment.AuthorUser.Email));

        for (var hour = 1; hour < 48; hour++)
        {
            factory.Clock.Advance(TimeSpan.FromHours(1));
            await RunDeadlinesAsync(factory);
        }

        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunDeadlinesAsync(factory);
        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        Assert.Equal(ComplaintOutcome.RemovedAuthorUnreachable, (await LoadAsync(factory, reference)).Outcome);
    }

    [Fact]
    public async Task AnAuthorWhoConfirmsTheirAddressInTime_IsSentTheComplaintThen()
    {
        var comment = await CommentAsync(factory, confirmedAuthor: false);
        var reference = await FileAsync(factory, comment.Id);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == comment.AuthorUser.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunDeadlinesAsync(factory);
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintStage.AwaitingAnswer, complaint.Stage);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(48), complaint.Deadline);
        Assert.Single(factory.Mailbox.To(comment.AuthorUser.Email));
    }

    [Fact]
    public async Task ACommentUnderAnOpenComplaint_CannotBeFeatured()
    {
        var comment = await CommentAsync(factory);
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        await FileAsync(factory, comment.Id);
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ModerationService>().FeatureAsync(comment.Id, true, editor.Id, CancellationToken.None));
        Assert.False(result.Succeeded);
        Assert.Contains("legal complaint", result.Message, StringComparison.Ordinal);
        Assert.False((await Discussions.LoadCommentAsync(factory, comment.Id)).IsFeatured);
    }

    [Fact]
    public async Task TheTimeline_IsAppendOnly_InTheDatabaseItself()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        var complaint = await LoadAsync(factory, reference);
        await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"ComplaintEvents\" SET \"Note\" = 'changed' WHERE \"ComplaintId\" = {complaint.Id}")));
        await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"ComplaintEvents\" WHERE \"ComplaintId\" = {complaint.Id}")));
        Assert.Equal(3, (await EventsAsync(factory, reference)).Count);
    }
}

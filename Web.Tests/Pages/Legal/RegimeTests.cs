using System.Net;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Blog.Web.Tests.Pages.Legal.Complaints;

namespace Blog.Web.Tests.Pages.Legal;

/// <summary>The other shipped regimes, and deadlines that outlive a restart and are acted on once by several instances.</summary>
public sealed class RegimeTests : IDisposable
{
    private readonly BlogAppFactory factory = new(extra: ByHand);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task UnderTheUkRegulations_ChristmasEve2027_TheNoticeDeadlineSkipsTheWeekendAndBothBankHolidays()
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 24, 10, 0, 0, TimeSpan.Zero));
        var comment = await CommentAsync(factory, confirmedAuthor: false);
        var reference = await FileAsync(factory, comment.Id, "uk-defamation");
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(new DateTimeOffset(2027, 12, 30, 10, 0, 0, TimeSpan.Zero), complaint.Deadline);

        // Unreachable: tried every hour; the comment stays up over Christmas and comes down on Thursday at 10:00.
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 30, 9, 59, 0, TimeSpan.Zero));
        await RunDeadlinesAsync(factory);
        Assert.Equal(CommentStatus.Published, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 12, 30, 10, 0, 0, TimeSpan.Zero));
        await RunDeadlinesAsync(factory);
        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
    }

    [Fact]
    public async Task UnderTheDmca_TheCommentComesDownOnNotice_AndACounterNoticeBringsItBackTenBusinessDaysLater()
    {
        // Wednesday 23 December 2026, 12:00 in New York: Christmas Day and New Year's Day are federal holidays.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 17, 0, 0, TimeSpan.Zero));
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id, "us-dmca");
        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        Assert.True(await factory.WithDbAsync(db => db.StatementsOfReasons.AnyAsync(s => s.CommentId == comment.Id && s.Automated && s.Source == RestrictionSource.Notice)));

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(comment, reference, "I wrote every word of it myself.")).StatusCode);
        var complaint = await LoadAsync(factory, reference);
        Assert.Equal(ComplaintStage.AwaitingRestore, complaint.Stage);
        Assert.Equal(new DateTimeOffset(2027, 1, 8, 17, 0, 0, TimeSpan.Zero), complaint.Deadline);

        factory.Clock.SetUtcNow(complaint.Deadline.AddMinutes(-1));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        factory.Clock.SetUtcNow(complaint.Deadline);
        Assert.Equal(1, await RunDeadlinesAsync(factory));
        Assert.Equal(CommentStatus.Approved, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        Assert.Equal(ComplaintOutcome.RestoredOnCounterNotice, (await LoadAsync(factory, reference)).Outcome);
        Assert.Contains(ComplaintEventKind.Restored, await EventsAsync(factory, reference));
        Assert.Contains(comment.Body, await (await factory.CreateAnonymousClient().GetAsync($"/articles/{comment.Slug}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnderTheDmca_ACourtActionReportedInTime_KeepsTheCommentDown()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id, "us-dmca");
        await AnswerAsync(comment, reference, "Mine, not theirs.");
        var complaint = await LoadAsync(factory, reference);
        var (legal, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Legal);
        var response = await legal.PostFormAsync($"/moderation/complaints/{complaint.Id}",
            new Dictionary<string, string> { ["CourtNote"] = "Filed in the Southern District of New York, 1:26-cv-01234." }, formSelector: "form[action*='handler=CourtAction']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        factory.Clock.SetUtcNow(complaint.Deadline.AddDays(1));
        Assert.Equal(0, await RunDeadlinesAsync(factory));
        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(factory, comment.Id)).Status);
        Assert.Equal(ComplaintOutcome.KeptDownForCourtAction, (await LoadAsync(factory, reference)).Outcome);
    }

    [Fact]
    public async Task UnderNswSection31A_SevenDaysRunFromTheComplaint()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id, "nsw-defamation");
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(7), (await LoadAsync(factory, reference)).Deadline);
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await RunDeadlinesAsync(factory);
        Assert.Equal(ComplaintOutcome.RemovedNoAnswer, (await LoadAsync(factory, reference)).Outcome);
    }

    [Fact]
    public async Task ADeadline_SurvivesARestart_TheNextProcessActsOnIt()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);

        // A new process on the same database: no timers, no memory of the complaint, a clock 48 hours on.
        using var restarted = new BlogAppFactory(extra: ByHand, sameDatabaseAs: factory);
        restarted.Clock.SetUtcNow(factory.Clock.GetUtcNow().AddHours(48));
        await RunDeadlinesAsync(restarted);
        await RunDeadlinesAsync(restarted);
        Assert.Equal(CommentStatus.Removed, (await Discussions.LoadCommentAsync(restarted, comment.Id)).Status);
        Assert.Equal(ComplaintOutcome.RemovedNoAnswer, (await LoadAsync(restarted, reference)).Outcome);
    }

    [Fact]
    public async Task TwoInstancesRacingOnOneDeadline_ActOnce()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        using var second = new BlogAppFactory(extra: ByHand, sameDatabaseAs: factory);
        factory.Clock.Advance(TimeSpan.FromHours(36));
        second.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        // Past the reminder, then past the deadline: each time both instances run the job at once, bypassing the lease.
        await Task.WhenAll(RunDeadlinesAsync(factory), RunDeadlinesAsync(second));
        factory.Clock.Advance(TimeSpan.FromHours(12));
        second.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        await Task.WhenAll(RunDeadlinesAsync(factory), RunDeadlinesAsync(second), RunDeadlinesAsync(factory), RunDeadlinesAsync(second));

        var events = await EventsAsync(factory, reference);
        Assert.Single(events, e => e == ComplaintEventKind.Reminded);
        Assert.Single(events, e => e == ComplaintEventKind.Removed);
        Assert.Single(events, e => e == ComplaintEventKind.Closed);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StatementsOfReasons.CountAsync(s => s.CommentId == comment.Id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ModerationDecisions.CountAsync(d => d.CommentId == comment.Id && d.Action == ModerationAction.RemovedOnComplaint)));
        var told = factory.Mailbox.To(ComplainantEmail).Concat(second.Mailbox.To(ComplainantEmail)).Count(m => (m.Subject ?? "").Contains("no answer", StringComparison.Ordinal));
        Assert.Equal(1, told);
        var reminders = factory.Mailbox.To(comment.AuthorUser.Email).Concat(second.Mailbox.To(comment.AuthorUser.Email)).Count(m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Equal(1, reminders);
    }
}

using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Legal;

namespace Blog.Web.Services.Demo;

/// <summary>
/// The Legal queue at work: an HDCA complaint about Sam's comment with ten hours left to answer, a UK complaint
/// received this afternoon, one closed (removed with its author's consent), and an appeal by Sam against a rejection.
/// Written as the services would have written them: the stored deadlines, the timeline and copies of what was sent.
/// </summary>
internal static class DemoComplaints
{
    public static async Task AddAsync(BlogDbContext db, MarkdownRenderer renderer, LegalOptions legal, IReadOnlyDictionary<string, BlogUser> people,
        int articleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hdca = legal.Find("nz-hdca") ?? legal.Default;
        var uk = legal.Find("uk-defamation") ?? legal.Default;
        var nsw = legal.Find("nsw-defamation") ?? legal.Default;

        var nearDeadline = await CommentAsync(db, renderer, articleId, people["sam"], now.AddDays(-3),
            "Everyone in the moderation business knows the regional paper Fiona mentioned sacked its night editor for selling readers' details. Look it up.", cancellationToken);
        var recent = await CommentAsync(db, renderer, articleId, people["daniel"], now.AddDays(-1),
            "The page owner in the Voller litigation is still running the same pages under a different company name, with the same habits.", cancellationToken);
        var closed = await CommentAsync(db, renderer, articleId, people["hemi"], now.AddDays(-9),
            "I have it on good authority that one of the plaintiff's lawyers leaked the draft judgment. Someone should report them.", cancellationToken);

        // HDCA: received 38 hours ago, the author told at once; the 48 hours to answer end in 10 hours.
        var first = Complaint(nearDeadline, hdca, ComplaintGround.Defamation, "Jordan Pike", "jordan.pike@example.com", shared: false, now.AddHours(-38),
            "The claim that the paper's night editor was sacked for selling readers' details.",
            "I was the night editor. I resigned; I was never accused of selling anything. The comment is untrue and identifies me to everyone who worked there.");
        first.AuthorWasNotified(hdca, first.ReceivedAt);
        Received(first, hdca);
        Sent(first, ComplaintEventKind.AuthorNotified, first.ReceivedAt, people["sam"].Email!, "A complaint about your comment (" + first.Reference + ")",
            "We have received a complaint about your comment under the Harmful Digital Communications Act 2015. You may agree to its removal or send a counter-notice within 48 hours.");

        // UK: received three hours ago; the notice is sent and the author has five days.
        var second = Complaint(recent, uk, ComplaintGround.Defamation, "Wattle Street Media Ltd (legal department)", "legal@wattlestreet.example", shared: true, now.AddHours(-3),
            "The statement that the page owner runs the same pages under a different company name \"with the same habits\".",
            "It suggests our company carries on unlawful moderation practices. We are a separate company and were not a party to the proceedings.");
        second.AuthorWasNotified(uk, second.ReceivedAt.AddMinutes(1));
        Received(second, uk);
        Sent(second, ComplaintEventKind.AuthorNotified, second.ReceivedAt.AddMinutes(1), people["daniel"].Email!, "A complaint about your comment (" + second.Reference + ")",
            "We have received a complaint about your comment under the Defamation (Operators of Websites) Regulations 2013. You have five days to answer.");

        // NSW: eight days ago; the author agreed the next morning and the comment came down.
        var third = Complaint(closed, nsw, ComplaintGround.Defamation, "R. Okafor", "r.okafor@example.com", shared: false, now.AddDays(-8),
            "The allegation that one of the plaintiff's lawyers leaked the draft judgment.",
            "There was no leak; the allegation is false and points at a small team that can be identified.");
        third.AuthorWasNotified(nsw, third.ReceivedAt.AddMinutes(2));
        Received(third, nsw);
        var consented = third.ReceivedAt.AddHours(14);
        third.Answered(ComplaintAnswer.Consent, "", consented);
        ComplaintMail.Note(third, ComplaintEventKind.Consented, consented, people["hemi"].Id, "The author agreed to the comment's removal.");
        closed.Remove("complaint", $"Removed after a complaint under {nsw.Law}.");
        third.CommentRemoved(consented);
        ComplaintMail.Note(third, ComplaintEventKind.Removed, consented, null, "Its author agreed to its removal.");
        third.Close(ComplaintOutcome.RemovedWithConsent, consented);
        Sent(third, ComplaintEventKind.ComplainantTold, consented, third.ComplainantEmail, $"Your complaint {third.Reference}: {ComplaintOutcome.RemovedWithConsent.Describe()}",
            $"Your complaint {third.Reference} is closed: the author agreed and the comment is removed.");
        ComplaintMail.Note(third, ComplaintEventKind.Closed, consented, null, ComplaintOutcome.RemovedWithConsent.Describe());
        db.Complaints.AddRange(first, second, third);
        await db.SaveChangesAsync(cancellationToken);

        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.RemovedOnComplaint, CommentId = closed.Id, ArticleId = articleId, SubjectUserId = closed.AuthorId, Rule = "complaint:" + nsw.Key,
            FromStatus = CommentStatus.Published, ToStatus = CommentStatus.Removed, ReasonCode = "complaint", Note = $"Complaint {third.Reference}: its author agreed to its removal.", CreatedAt = consented,
        });
        db.StatementsOfReasons.Add(Statements.Issue(new Restriction(closed.AuthorId, RestrictionKind.CommentRemoved,
            $"Your comment was the subject of a complaint ({third.Reference}). Its author agreed to its removal.", RestrictionSource.Notice, Automated: false,
            nsw.Key, $"{nsw.Law}: {ComplaintGround.Defamation.Describe()}", LegalGround: true, DecidedById: null, CommentId: closed.Id, ComplaintId: third.Id), consented));

        // A rejection of Sam's with its statement, and Sam's appeal, waiting for a moderator other than Tom.
        var rejected = await CommentAsync(db, renderer, articleId, people["sam"], now.AddDays(-2),
            "Frankly the dissenting judges in this case should not be on the bench if they cannot see the obvious.", cancellationToken);
        rejected.Reject("abuse", $"Removed by moderators: {ModerationReasons.Describe("abuse")}.", "Criticise the reasoning, not the judges' fitness to sit.");
        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = ModerationAction.Rejected, CommentId = rejected.Id, ArticleId = articleId, SubjectUserId = rejected.AuthorId, ActorId = people["tom"].Id,
            FromStatus = CommentStatus.Published, ToStatus = CommentStatus.Rejected, ReasonCode = "abuse", Note = "Criticise the reasoning, not the judges' fitness to sit.", CreatedAt = now.AddDays(-2).AddHours(1),
        });
        var statement = Statements.Issue(Statements.ModeratorRejection(rejected, "abuse", rejected.ModeratorNote, afterNotice: false, people["tom"].Id), now.AddDays(-2).AddHours(1));
        db.StatementsOfReasons.Add(statement);
        await db.SaveChangesAsync(cancellationToken);
        db.Appeals.Add(new Appeal
        {
            StatementId = statement.Id, UserId = rejected.AuthorId, FiledAt = now.AddDays(-1),
            Text = "I was criticising the reasoning, which is fair comment. I did not attack anyone personally and would accept an edit instead.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Comment> CommentAsync(BlogDbContext db, MarkdownRenderer renderer, int articleId, BlogUser author, DateTimeOffset at, string body, CancellationToken cancellationToken)
    {
        var comment = new Comment
        {
            ArticleId = articleId, AuthorId = author.Id, Body = body, BodyHtml = renderer.RenderComment(body), RenderVersion = MarkdownRenderer.PipelineVersion,
            Status = CommentStatus.Published, CreatedAt = at, IdempotencyKey = Guid.NewGuid(),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        comment.AssignPath(null);
        return comment;
    }

    private static Complaint Complaint(Comment comment, ComplaintRegime regime, ComplaintGround ground, string name, string email, bool shared, DateTimeOffset at, string what, string why) => new()
    {
        Reference = "LC-DEMO" + comment.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Comment = comment, AuthorId = comment.AuthorId,
        RegimeKey = regime.Key, Ground = ground, ComplainantName = name, ComplainantEmail = email, ComplainantPhone = "+64 4 555 0100", ComplainantAddress = "PO Box 1000, Wellington 6140",
        WhatIsWrong = what, Why = why, IdentityMayBeShared = shared, ReceivedAt = at, Stage = ComplaintStage.Received, Deadline = regime.NotifyBy(at),
    };

    private static void Received(Complaint complaint, ComplaintRegime regime)
    {
        complaint.Events.Insert(0, new ComplaintEvent { Kind = ComplaintEventKind.Received, At = complaint.ReceivedAt, Note = $"Under {regime.Name}: {complaint.Ground.Describe()}." });
        complaint.Events.Insert(1, new ComplaintEvent
        {
            Kind = ComplaintEventKind.Acknowledged, At = complaint.ReceivedAt, MessageTo = complaint.ComplainantEmail, MessageSubject = $"We received your complaint ({complaint.Reference})",
            MessageBody = $"Thank you. Your complaint is received, with the reference {complaint.Reference}. It is handled under {regime.Name}. {regime.Summary}",
        });
    }

    private static void Sent(Complaint complaint, ComplaintEventKind kind, DateTimeOffset at, string to, string subject, string body) =>
        complaint.Events.Add(new ComplaintEvent { Kind = kind, At = at, MessageTo = to, MessageSubject = subject, MessageBody = body });
}

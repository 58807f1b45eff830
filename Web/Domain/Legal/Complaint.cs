namespace Blog.Web.Domain.Legal;

/// <summary>What the complaint says is wrong with the comment.</summary>
public enum ComplaintGround
{
    Defamation = 0,
    Harassment = 1,
    Privacy = 2,
    SuppressionOrder = 3,
    Copyright = 4,
    Other = 5,
}

public enum ComplaintStage
{
    /// <summary>Received; the author has not yet been sent it.</summary>
    Received = 0,
    /// <summary>The author has been sent it and may answer until the deadline.</summary>
    AwaitingAnswer = 1,
    /// <summary>The author could not be reached: the comment comes down at the notice deadline.</summary>
    AuthorUnreachable = 2,
    /// <summary>The author sent a counter-notice and the comment waits to come back (DMCA).</summary>
    AwaitingRestore = 3,
    Closed = 4,
}

public enum ComplaintOutcome
{
    Open = 0,
    RemovedWithConsent = 1,
    RemovedNoAnswer = 2,
    RemovedAuthorUnreachable = 3,
    KeptUpOnCounterNotice = 4,
    RestoredOnCounterNotice = 5,
    KeptDownForCourtAction = 6,
    /// <summary>The comment was already gone (deleted by its author, or taken down) when the complaint was acted on.</summary>
    AlreadyGone = 7,
}

public enum ComplaintAnswer
{
    Consent = 0,
    CounterNotice = 1,
}

public enum ComplaintEventKind
{
    Received = 0,
    Acknowledged = 1,
    AuthorNotified = 2,
    AuthorUnreachable = 3,
    Reminded = 4,
    Consented = 5,
    CounterNoticed = 6,
    Removed = 7,
    Restored = 8,
    ComplainantTold = 9,
    CourtActionReported = 10,
    Closed = 11,
    /// <summary>Legal staff read a complainant's identity that was not consented to be shared.</summary>
    IdentityRead = 12,
}

public static class ComplaintText
{
    public static string Describe(this ComplaintGround ground) => ground switch
    {
        ComplaintGround.Defamation => "Defamation",
        ComplaintGround.Harassment => "Harassment or a harmful digital communication",
        ComplaintGround.Privacy => "Discloses private information",
        ComplaintGround.SuppressionOrder => "Breaches a suppression order",
        ComplaintGround.Copyright => "Infringes copyright",
        _ => "Otherwise unlawful",
    };

    public static string Describe(this ComplaintStage stage) => stage switch
    {
        ComplaintStage.Received => "Received: the author is yet to be told",
        ComplaintStage.AwaitingAnswer => "Waiting for the author's answer",
        ComplaintStage.AuthorUnreachable => "The author cannot be reached",
        ComplaintStage.AwaitingRestore => "Counter-notice: waiting to restore",
        _ => "Closed",
    };

    public static string Describe(this ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Open => "Open",
        ComplaintOutcome.RemovedWithConsent => "Removed: the author agreed",
        ComplaintOutcome.RemovedNoAnswer => "Removed: no answer by the deadline",
        ComplaintOutcome.RemovedAuthorUnreachable => "Removed: the author could not be reached",
        ComplaintOutcome.KeptUpOnCounterNotice => "Kept up: the author sent a counter-notice",
        ComplaintOutcome.RestoredOnCounterNotice => "Restored after the author's counter-notice",
        ComplaintOutcome.KeptDownForCourtAction => "Kept down: the complainant reported a court action",
        _ => "The comment was already gone",
    };

    public static string Describe(this ComplaintEventKind kind) => kind switch
    {
        ComplaintEventKind.Received => "Received",
        ComplaintEventKind.Acknowledged => "Complainant sent an acknowledgement",
        ComplaintEventKind.AuthorNotified => "Author sent the complaint",
        ComplaintEventKind.AuthorUnreachable => "Author could not be reached",
        ComplaintEventKind.Reminded => "Author reminded",
        ComplaintEventKind.Consented => "Author agreed to removal",
        ComplaintEventKind.CounterNoticed => "Author sent a counter-notice",
        ComplaintEventKind.Removed => "Comment removed",
        ComplaintEventKind.Restored => "Comment restored",
        ComplaintEventKind.ComplainantTold => "Complainant told",
        ComplaintEventKind.CourtActionReported => "Complainant reported a court action",
        ComplaintEventKind.Closed => "Closed",
        _ => "Complainant's identity read",
    };
}

/// <summary>
/// A statutory complaint about one comment, under one <see cref="ComplaintRegime"/>. Its deadlines are stored, so the
/// job that acts on them (<c>ActOnComplaintDeadlines</c>) survives restarts; <see cref="Version"/> is a concurrency
/// token, so two instances acting on one deadline cannot both act. Every step is also a <see cref="ComplaintEvent"/>.
/// </summary>
public sealed class Complaint
{
    public long Id { get; set; }

    /// <summary>What the complainant and the author quote: unguessable, so it is also what the complaint's pages are found by.</summary>
    public string Reference { get; set; } = "";

    public long CommentId { get; set; }

    public Comment? Comment { get; set; }

    /// <summary>The comment's author when the complaint arrived.</summary>
    public string AuthorId { get; set; } = "";

    public string RegimeKey { get; set; } = "";

    public ComplaintGround Ground { get; set; }

    public string ComplainantName { get; set; } = "";

    public string ComplainantEmail { get; set; } = "";

    public string ComplainantPhone { get; set; } = "";

    public string ComplainantAddress { get; set; } = "";

    /// <summary>The complainant's account, when they were signed in.</summary>
    public string? ComplainantUserId { get; set; }

    /// <summary>Which part of the comment, in the complainant's words.</summary>
    public string WhatIsWrong { get; set; } = "";

    /// <summary>Why it is unlawful or harmful.</summary>
    public string Why { get; set; } = "";

    /// <summary>The complainant agreed that the author may see who complained.</summary>
    public bool IdentityMayBeShared { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public ComplaintStage Stage { get; set; }

    public ComplaintOutcome Outcome { get; set; }

    /// <summary>The deadline the complaint is now waiting on: to notify, to answer, or to restore.</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>When the job next has something to do (a reminder comes before the deadline); null once closed.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? AuthorNotifiedAt { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public ComplaintAnswer? Answer { get; set; }

    public string CounterNotice { get; set; } = "";

    public DateTimeOffset? RemovedAt { get; set; }

    public DateTimeOffset? CourtActionReportedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The complaint's steps; new ones are added here and saved with the complaint.</summary>
    public List<ComplaintEvent> Events { get; } = [];

    public bool IsOpen => Stage != ComplaintStage.Closed;

    /// <summary>Open: not closed. The one definition, in memory (<see cref="IsOpen"/>) and in SQL.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Complaint, bool>> Open = c => c.Stage != ComplaintStage.Closed;

    /// <summary>The author has been sent it: notified and waiting for an answer.</summary>
    public void AuthorWasNotified(ComplaintRegime regime, DateTimeOffset now)
    {
        Require(ComplaintStage.Received, ComplaintStage.AuthorUnreachable);
        AuthorNotifiedAt = now;
        Stage = ComplaintStage.AwaitingAnswer;
        Deadline = regime.AnswerBy(ReceivedAt, now);
        var remindAt = regime.RemindAt(Deadline);
        DueAt = remindAt > now ? remindAt : Deadline;
        Version++;
    }

    /// <summary>How often an author who cannot be reached is tried again before the notice deadline.</summary>
    public static readonly TimeSpan RetryReachingAuthor = TimeSpan.FromHours(1);

    /// <summary>The author could not be reached: tried again every hour, and at the notice deadline the comment comes down.</summary>
    public void AuthorCouldNotBeReached(DateTimeOffset now)
    {
        Require(ComplaintStage.Received, ComplaintStage.AuthorUnreachable);
        Stage = ComplaintStage.AuthorUnreachable;
        DueAt = now + RetryReachingAuthor < Deadline ? now + RetryReachingAuthor : Deadline;
        Version++;
    }

    public void WasReminded(DateTimeOffset now)
    {
        Require(ComplaintStage.AwaitingAnswer);
        RemindedAt = now;
        DueAt = Deadline;
        Version++;
    }

    public void Answered(ComplaintAnswer answer, string counterNotice, DateTimeOffset now)
    {
        Require(ComplaintStage.AwaitingAnswer);
        (Answer, AnsweredAt, CounterNotice) = (answer, now, counterNotice.Trim());
        Version++;
    }

    /// <summary>The comment waits to come back (a counter-notice under a notice-and-takedown regime).</summary>
    public void AwaitRestore(DateTimeOffset restoreAt)
    {
        Require(ComplaintStage.AwaitingAnswer);
        Stage = ComplaintStage.AwaitingRestore;
        Deadline = restoreAt;
        DueAt = restoreAt;
        Version++;
    }

    public void CommentRemoved(DateTimeOffset now)
    {
        RemovedAt ??= now;
        Version++;
    }

    public void CourtActionReported(DateTimeOffset now)
    {
        Require(ComplaintStage.AwaitingRestore);
        CourtActionReportedAt = now;
        Version++;
    }

    public void Close(ComplaintOutcome outcome, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("This complaint is already closed.");
        }

        (Stage, Outcome, ClosedAt, DueAt) = (ComplaintStage.Closed, outcome, now, null);
        Version++;
    }

    private void Require(params ComplaintStage[] stages)
    {
        if (!stages.Contains(Stage))
        {
            throw new InvalidOperationException($"A complaint at the stage {Stage} cannot do that.");
        }
    }
}

/// <summary>One step of a complaint, with a copy of any message sent. Append-only: never updated, never deleted.</summary>
public sealed class ComplaintEvent
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public ComplaintEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who acted (staff or the author); null for the site's own clock.</summary>
    public string? ActorId { get; set; }

    public string Note { get; set; } = "";

    /// <summary>For a message: to whom, and exactly what was sent.</summary>
    public string MessageTo { get; set; } = "";

    public string MessageSubject { get; set; } = "";

    public string MessageBody { get; set; } = "";
}

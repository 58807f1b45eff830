using System.Net;
using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Legal;

/// <summary>What a restriction is, as its statement of reasons records it.</summary>
public sealed record Restriction(
    string UserId,
    RestrictionKind Kind,
    string Facts,
    RestrictionSource Source,
    bool Automated,
    string GroundCode,
    string Ground,
    bool LegalGround,
    string? DecidedById,
    long? CommentId = null,
    long? SanctionId = null,
    long? ComplaintId = null,
    DateTimeOffset? Until = null);

public sealed record AppealLine(long Id, long StatementId, RestrictionKind Kind, string AuthorName, string Text, DateTimeOffset FiledAt,
    string Ground, string? FirstDeciderName, string? FirstDeciderId, long? CommentId);

/// <summary>
/// Statements of reasons (DSA art 17) and appeals against them (art 20). Every restriction adds its statement in the
/// same save as the restriction itself (<see cref="Add"/>), and the author is sent a copy once it is saved
/// (<see cref="SendAsync"/>). An appeal is decided by someone other than who decided first; a reversal undoes the
/// restriction, goes on the decision log and is told to the author.
/// </summary>
public sealed class Statements(BlogDbContext db, IMailSender mail, IOptions<SiteOptions> site, SiteSettingsStore settings, TimeProvider clock, ILogger<Statements> logger)
{
    /// <summary>A comment the moderation pipeline rejected by a rule: automated, on the site's own initiative.</summary>
    public static Restriction AutomaticRejection(Comment comment, string rule, string message) =>
        new(comment.AuthorId, RestrictionKind.CommentRejected, message, RestrictionSource.OwnInitiative, Automated: true, rule,
            rule == "banned-words" ? "Our discussion rules: words that are not allowed" : $"Our discussion rules ({rule})", LegalGround: false, DecidedById: null,
            CommentId: comment.Id);

    /// <summary>A comment a moderator rejected, on a ground from the list.</summary>
    public static Restriction ModeratorRejection(Comment comment, string reasonCode, string note, bool afterNotice, string moderatorId) =>
        new(comment.AuthorId, RestrictionKind.CommentRejected,
            $"A moderator rejected your comment{(afterNotice ? " after readers reported it" : "")}.{(note.Length > 0 ? " Their note: " + note : "")}",
            afterNotice ? RestrictionSource.Notice : RestrictionSource.OwnInitiative, Automated: false, reasonCode,
            ModerationReasons.Describe(reasonCode), LegalGround: reasonCode is "defamation" or "suppression" or "sub-judice", moderatorId, CommentId: comment.Id);

    public static RestrictionKind KindOf(SanctionKind kind) => kind switch
    {
        SanctionKind.Ban => RestrictionKind.Ban,
        SanctionKind.Suspension => RestrictionKind.Suspension,
        _ => RestrictionKind.AlwaysPreModerate,
    };

    /// <summary>Adds the restriction's statement to the caller's save (so the two are saved together, or neither is).</summary>
    public StatementOfReasons Add(Restriction restriction, DateTimeOffset now)
    {
        var statement = Issue(restriction, now);
        db.StatementsOfReasons.Add(statement);
        return statement;
    }

    /// <summary>The statement of a restriction issued at <paramref name="now"/>. No restriction without a ground.</summary>
    public static StatementOfReasons Issue(Restriction restriction, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(restriction.GroundCode) || string.IsNullOrWhiteSpace(restriction.Ground))
        {
            throw new InvalidOperationException("No restriction without a ground.");
        }

        return new StatementOfReasons
        {
            UserId = restriction.UserId, Kind = restriction.Kind, Facts = TextLimits.Clip(restriction.Facts, 4000), Source = restriction.Source,
            Automated = restriction.Automated, GroundCode = restriction.GroundCode, Ground = TextLimits.Clip(restriction.Ground, 500),
            LegalGround = restriction.LegalGround, DecidedById = restriction.DecidedById, CommentId = restriction.CommentId,
            SanctionId = restriction.SanctionId, ComplaintId = restriction.ComplaintId, Until = restriction.Until,
            IssuedAt = now, AppealUntil = now.AddMonths(StatementOfReasons.AppealMonths),
        };
    }

    /// <summary>Where a member is written to: their address once confirmed, or null (they are told on the site only).</summary>
    public Task<string?> ConfirmedEmailAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Mails the author a saved statement. A failed send is logged; the statement stays readable on the site.</summary>
    public async Task SendAsync(StatementOfReasons statement, CancellationToken cancellationToken)
    {
        var to = await ConfirmedEmailAsync(statement.UserId, cancellationToken);
        if (string.IsNullOrEmpty(to))
        {
            return;
        }

        var time = (await settings.CurrentAsync(cancellationToken)).Time;
        var text = Describe(statement, time) + $"\n\nRead it, and appeal until {time.LongText(statement.AppealUntil)}: {site.Value.Link(Link(statement.Id))}\n";
        try
        {
            await mail.SendAsync(new OutgoingMail(to, $"Why we restricted your {(statement.CommentId is null ? "account" : "comment")}", text, MailHtml(text)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Statement of reasons {StatementId} could not be mailed; it is on the site.", statement.Id);
        }
    }

    public static string Link(long statementId) => $"/account/decisions/{statementId}";

    /// <summary>The statement in words, the same on the page and in the mail.</summary>
    public static string Describe(StatementOfReasons s, SiteTime time) =>
        $"What was restricted: {s.Kind.Describe()}{(s.Until is { } until ? $", until {time.LongText(until)}" : s.Kind is RestrictionKind.Suspension ? "" : ", with no end date")}.\n"
        + $"The facts: {s.Facts}\n"
        + $"{s.Source.Describe()}\n"
        + (s.Automated ? "It was decided automatically, by a rule or a statutory deadline.\n" : "It was decided by a person.\n")
        + $"The ground: {s.Ground} ({(s.LegalGround ? "a legal ground" : "our discussion rules")}).\n"
        + $"How to appeal: you can appeal on the site until {time.LongText(s.AppealUntil)}; someone other than who decided will look at it.";

    public static string MailHtml(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>"));

    public Task<List<StatementOfReasons>> ForUserAsync(string userId, CancellationToken cancellationToken) =>
        db.StatementsOfReasons.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.IssuedAt).ThenByDescending(s => s.Id).Take(200).ToListAsync(cancellationToken);

    public async Task<(StatementOfReasons Statement, Appeal? Appeal)?> OneAsync(long id, string userId, CancellationToken cancellationToken)
    {
        var statement = await db.StatementsOfReasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        return statement is null ? null : (statement, await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.StatementId == id, cancellationToken));
    }

    public async Task<ModerationResult> AppealAsync(long id, string userId, string text, CancellationToken cancellationToken)
    {
        var statement = await db.StatementsOfReasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        var now = clock.GetUtcNow();
        if (statement is null)
        {
            return ModerationResult.Refused("That decision is not one about you.");
        }

        if (!statement.CanBeAppealed(now))
        {
            return ModerationResult.Refused($"The time to appeal ended on {(await settings.CurrentAsync(cancellationToken)).Time.LongText(statement.AppealUntil)}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ModerationResult.Refused("Say why the decision should be changed.");
        }

        if (TextLimits.TooLong(text, TextLimits.ComplaintText, "Your appeal") is { } tooLong)
        {
            return ModerationResult.Refused(tooLong);
        }

        if (await db.Appeals.AnyAsync(a => a.StatementId == id, cancellationToken))
        {
            return ModerationResult.Refused("You have already appealed against this decision.");
        }

        db.Appeals.Add(new Appeal { StatementId = id, UserId = userId, Text = text.Trim(), FiledAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseBusy.IsUniqueViolation(e))
        {
            return ModerationResult.Refused("You have already appealed against this decision.");
        }

        return ModerationResult.Ok("Your appeal is received. A moderator who did not make the decision will look at it, and we will tell you the outcome.");
    }

    public async Task<List<AppealLine>> PendingAppealsAsync(CancellationToken cancellationToken) =>
        await db.Appeals.AsNoTracking().Where(a => a.Outcome == AppealOutcome.Pending).OrderBy(a => a.FiledAt).Take(100)
            .Select(a => new AppealLine(a.Id, a.StatementId, a.Statement!.Kind,
                db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", a.Text, a.FiledAt, a.Statement.Ground,
                db.Users.Where(u => u.Id == a.Statement.DecidedById).Select(u => u.DisplayName).FirstOrDefault(), a.Statement.DecidedById, a.Statement.CommentId))
            .ToListAsync(cancellationToken);

    public async Task<ModerationResult> DecideAsync(long appealId, bool reverse, string decision, string moderatorId, CancellationToken cancellationToken)
    {
        var appeal = await db.Appeals.Include(a => a.Statement).FirstOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        if (appeal?.Statement is not { } statement)
        {
            return ModerationResult.Refused("That appeal does not exist.");
        }

        if (TextLimits.TooLong(decision, TextLimits.ComplaintText, "The reasons") is { } tooLong)
        {
            return ModerationResult.Refused(tooLong);
        }

        var now = clock.GetUtcNow();
        try
        {
            appeal.Decide(reverse, decision, moderatorId, statement.DecidedById, now);
            if (reverse)
            {
                await UndoAsync(statement, now, cancellationToken);
            }
        }
        catch (InvalidOperationException e)
        {
            return ModerationResult.Refused(e.Message);
        }

        db.ModerationDecisions.Add(new ModerationDecision
        {
            Action = reverse ? ModerationAction.AppealReversed : ModerationAction.AppealUpheld, CommentId = statement.CommentId, SubjectUserId = statement.UserId,
            ActorId = moderatorId, ReasonCode = reverse ? "appeal-reversed" : "appeal-upheld", Note = TextLimits.Clip(appeal.Decision, 2000), CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await TellDecisionAsync(statement, appeal, cancellationToken);
        return ModerationResult.Ok(reverse ? "Reversed: the restriction is undone and the author is told." : "Upheld: the restriction stands and the author is told.");
    }

    private async Task UndoAsync(StatementOfReasons statement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (statement.Kind)
        {
            case RestrictionKind.CommentRejected or RestrictionKind.CommentRemoved:
                var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == statement.CommentId, cancellationToken)
                    ?? throw new InvalidOperationException("The comment no longer exists, so it cannot be restored.");
                var from = comment.Status;
                if (comment.Status == CommentStatus.Removed)
                {
                    comment.Reinstate();
                }
                else
                {
                    comment.Restore();
                }

                db.ModerationDecisions.Add(new ModerationDecision
                {
                    Action = ModerationAction.Restored, CommentId = comment.Id, ArticleId = comment.ArticleId, SubjectUserId = comment.AuthorId,
                    Rule = "appeal", FromStatus = from, ToStatus = comment.Status, ReasonCode = "appeal-reversed", CreatedAt = now,
                });
                break;
            default:
                var sanction = await db.UserSanctions.FirstOrDefaultAsync(s => s.Id == statement.SanctionId, cancellationToken);
                if (sanction is not null && sanction.IsActive(now))
                {
                    sanction.LiftedAt = now;
                }

                break;
        }
    }

    private async Task TellDecisionAsync(StatementOfReasons statement, Appeal appeal, CancellationToken cancellationToken)
    {
        var to = await ConfirmedEmailAsync(statement.UserId, cancellationToken);
        if (string.IsNullOrEmpty(to))
        {
            return;
        }

        var text = (appeal.Outcome == AppealOutcome.Reversed
                ? $"Your appeal succeeded: the decision ({statement.Kind.Describe()}) is reversed."
                : $"Your appeal did not succeed: the decision ({statement.Kind.Describe()}) stands.")
            + $"\nThe reasons: {appeal.Decision}\nThe decision and the appeal: {site.Value.Link(Link(statement.Id))}\n";
        try
        {
            await mail.SendAsync(new OutgoingMail(to, "The outcome of your appeal", text, MailHtml(text)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The outcome of appeal {AppealId} could not be mailed; it is on the site.", appeal.Id);
        }
    }
}

using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Comments;

/// <summary>Gathers what the moderation pipeline needs from the database, then lets the pure pipeline decide.</summary>
public sealed class CommentRouter(BlogDbContext db, IOptions<ModerationOptions> options, TimeProvider clock)
{
    public ModerationSettings Settings => new(
        options.Value.SitePreModerated, options.Value.FirstCommentsHeld, options.Value.MaxLinks,
        options.Value.DuplicateWindowMinutes, options.Value.FloodWindowMinutes, options.Value.FloodMaxComments);

    /// <summary>The article's thread, with the site's auto-close default when the article sets no date of its own.</summary>
    public ThreadSettings ThreadFor(CommentMode mode, DateTimeOffset? closesAt, DateTimeOffset? publishedAt) =>
        new(mode, closesAt ?? (options.Value.AutoCloseDays > 0 && publishedAt is { } published ? published.AddDays(options.Value.AutoCloseDays) : null));

    public async Task<RoutingDecision> RouteAsync(int articleId, ThreadSettings thread, string body, ReaderStanding author, bool isEdit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.CaseId, Status = a.Case != null ? (ProceedingsStatus?)a.Case.ProceedingsStatus : null })
            .FirstAsync(cancellationToken);
        // An order protects a person everywhere the site publishes, not only under its own case's articles.
        var terms = (await db.SuppressionOrders.AsNoTracking().Where(SuppressionOrder.ActiveAt(now))
                .Select(o => new { o.Id, o.Terms }).ToListAsync(cancellationToken))
            .SelectMany(o => LineList.Split(o.Terms).Select(t => new SuppressedTerm(o.Id, t))).ToList();
        var words = await db.ModerationWords.AsNoTracking().Select(w => new { w.Kind, w.Word }).ToListAsync(cancellationToken);

        var standing = AuthorStanding.Staff;
        if (!author.IsStaff)
        {
            var since = now.AddMinutes(-Math.Max(options.Value.DuplicateWindowMinutes, options.Value.FloodWindowMinutes));
            var published = await db.Comments.Where(CommentStatusRules.Visible).CountAsync(c => c.AuthorId == author.UserId, cancellationToken);
            var recent = await db.Comments.AsNoTracking().Where(c => c.AuthorId == author.UserId && c.CreatedAt >= since)
                .Select(c => new RecentComment(c.Body, c.CreatedAt)).ToListAsync(cancellationToken);
            standing = new AuthorStanding(false, author.Banned ? now : null, author.SuspendedUntil,
                author.ActiveSanctions.Any(s => s.Kind == SanctionKind.AlwaysPreModerate), published, recent);
        }

        return ModerationPipeline.Route(new ModerationInput(body, standing, thread, article.Status, terms,
            words.Where(w => w.Kind == WordListKind.Banned).Select(w => w.Word).ToList(),
            words.Where(w => w.Kind == WordListKind.Suspect).Select(w => w.Word).ToList(),
            Settings, now, isEdit));
    }
}

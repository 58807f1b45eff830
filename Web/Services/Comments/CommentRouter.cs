using Blog.Web.Configuration;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Services.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Blog.Web.Services.Comments;

/// <summary>Gathers what the moderation pipeline needs from the database, then lets the pure pipeline decide.</summary>
public sealed class CommentRouter(BlogDbContext db, IOptions<ModerationOptions> options, SiteSettingsStore settings, TimeProvider clock)
{
    /// <summary>The pipeline's settings: the admin's (from the database) and the flood guards (from configuration).</summary>
    public async Task<ModerationSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        var site = await settings.CurrentAsync(cancellationToken);
        return new(site.SitePreModerated, site.FirstCommentsHeld, site.MaxLinks,
            options.Value.DuplicateWindowMinutes, options.Value.FloodWindowMinutes, options.Value.FloodMaxComments, site.Time);
    }

    /// <summary>The article's thread, with the site's auto-close default when the article sets no date of its own.</summary>
    public static ThreadSettings ThreadFor(SiteSettings site, CommentMode mode, DateTimeOffset? closesAt, DateTimeOffset? publishedAt) =>
        new(mode, closesAt ?? (site.AutoCloseDays > 0 && publishedAt is { } published ? published.AddDays(site.AutoCloseDays) : null));

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
            await SettingsAsync(cancellationToken), now, isEdit));
    }
}

using System.Data.Common;
using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Blog.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Web.Data;

/// <summary>
/// The one place evictions come from: what a save changed, mapped to the tags of what shows it. A new write cannot
/// forget to evict, because it is not asked to. The tags go once the change is committed (after the save, or after
/// the transaction it ran in) and before the write returns to its caller, so a reader told "saved" never sees the
/// page from before. Bulk statements (ExecuteUpdate, ExecuteDelete) are not seen here: writes that readers see are
/// made through tracked entities.
/// </summary>
public sealed class CacheEviction(SiteCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        cache.Evict(Due(eventData.Context, committed: false));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await cache.EvictAsync(Due(eventData.Context, committed: false), cancellationToken);
        return result;
    }

    // A failed save may have written part of itself outside a transaction: what it touched is read afresh.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => cache.Evict(Due(eventData.Context, committed: false));

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        cache.EvictAsync(Due(eventData.Context, committed: false), cancellationToken).AsTask();

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        cache.Evict(Due(eventData.Context, committed: true));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        cache.EvictAsync(Due(eventData.Context, committed: true), cancellationToken).AsTask();

    // Nothing was written: nothing to evict.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as BlogDbContext)?.TakeEvictions();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as BlogDbContext)?.TakeEvictions();
        return Task.CompletedTask;
    }

    /// <summary>What is due for eviction now: after a save outside a transaction, or once a transaction commits.</summary>
    private static IReadOnlyCollection<string> Due(DbContext? context, bool committed) =>
        context is BlogDbContext db && (committed || db.Database.CurrentTransaction is null) ? db.TakeEvictions() : [];

    private static void Collect(DbContext? context)
    {
        if (context is not BlogDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                db.NoteEvictions(TagsOf(entry, db));
            }
        }
    }

    /// <summary>What shows the entity <paramref name="entry"/> is about to save.</summary>
    public static IEnumerable<string> TagsOf(EntityEntry entry, BlogDbContext db)
    {
        switch (entry.Entity)
        {
            case Article article:
                yield return CacheTags.Article(article.Id);
                yield return CacheTags.Discussion(article.Id);
                yield return CacheTags.Lists;
                foreach (var caseId in Both<int?>(entry, nameof(Article.CaseId)).OfType<int>())
                {
                    yield return CacheTags.Case(caseId);
                }

                break;
            case ArticleSlugRedirect redirect:
                yield return CacheTags.Article(redirect.ArticleId);
                break;
            case Tag:
                yield return CacheTags.Lists;
                break;
            case Case @case:
                yield return CacheTags.Case(@case.Id);
                yield return CacheTags.Lists;
                break;
            case Comment comment:
                // The thread, and the comment count on the article and every list that shows it.
                yield return CacheTags.Discussion(comment.ArticleId);
                yield return CacheTags.Article(comment.ArticleId);
                yield return CacheTags.Moderation;
                break;
            case CommentRecommendation recommendation:
                yield return CacheTags.Discussion(ArticleOf(recommendation.CommentId, db));
                break;
            case CommentReport or ModerationDecision or ModerationWord or SuppressionOrder or Domain.Legal.Complaint or Domain.Legal.Appeal:
                yield return CacheTags.Moderation;
                break;
            case UserSanction sanction:
                yield return CacheTags.Entry(CacheTags.StandingKey(sanction.UserId));
                yield return CacheTags.Moderation;
                break;
            case Subscription subscription:
                yield return CacheTags.Entry(CacheTags.StandingKey(subscription.UserId));
                break;
            case Ad:
                yield return CacheTags.Ads;
                break;
            case UserSession session:
                yield return CacheTags.Entry(CacheTags.SessionKey(session.Id));
                break;
            case SiteSettings:
                // The name and tagline are on every page; the moderation defaults decide what every thread offers.
                yield return CacheTags.Everything;
                break;
            case BlogUser when entry.State == EntityState.Deleted
                || entry.Property(nameof(BlogUser.DisplayName)).IsModified || entry.Property(nameof(BlogUser.AuthorSlug)).IsModified:
            case IdentityUserRole<string>:
                // A name or a badge is on every thread and list it ever appeared in.
                yield return CacheTags.Everything;
                break;
            case Dictionary<string, object> join when join.TryGetValue("ArticlesId", out var articleId) && articleId is int id:
                yield return CacheTags.Article(id);
                yield return CacheTags.Lists;
                break;
            case Dictionary<string, object> join when join.ContainsKey("RelatedCasesId"):
                foreach (var id in join.Values.OfType<int>())
                {
                    yield return CacheTags.Case(id);
                }

                break;
        }
    }

    // Before and after: an article moved from one case to another leaves both.
    private static IEnumerable<T> Both<T>(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        yield return (T)value.CurrentValue!;
        if (entry.State == EntityState.Modified)
        {
            yield return (T)value.OriginalValue!;
        }
    }

    private static int ArticleOf(long commentId, BlogDbContext db) =>
        db.ChangeTracker.Entries<Comment>().FirstOrDefault(c => c.Entity.Id == commentId)?.Entity.ArticleId
        ?? db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => c.ArticleId).First();
}

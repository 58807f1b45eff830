using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Jobs;

/// <summary>
/// Readers see a scheduled article from its time on by the visibility rule alone; this job records it as published
/// at that moment, and the save evicts the lists and pages that now show it (on every instance), rather than leaving
/// them to their lifetime.
/// </summary>
public sealed class PublishDueArticles(BlogDbContext db, TimeProvider clock) : IBackgroundJob
{
    private const int Batch = 100;

    public string Name => "publish-due-articles";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var article in due)
        {
            article.GoLive(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

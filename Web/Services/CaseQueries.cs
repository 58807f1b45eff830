using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services;

public sealed record CaseSummary(string Slug, string Name, string Citations, string Court, string Jurisdiction, ProceedingsStatus Status, int ArticleCount);

public sealed record CaseView(
    string Slug,
    string Name,
    IReadOnlyList<string> Citations,
    string Court,
    string Jurisdiction,
    string FileNumber,
    string Judges,
    ProceedingsStatus Status,
    string SummaryHtml,
    IReadOnlyList<ArticleSummary> Timeline);

public sealed class CaseQueries(BlogDbContext db, ArticleQueries articles)
{
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var published = articles.Published();
        return await db.Cases.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CaseSummary(c.Slug, c.Name, c.Citations, c.Court, c.Jurisdiction, c.ProceedingsStatus,
                published.Count(a => a.CaseId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CaseView?> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Citations, c.Court, c.Jurisdiction, c.FileNumber, c.Judges, c.ProceedingsStatus, c.SummaryHtml })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var timeline = await articles.Summaries(articles.Published().Where(a => a.CaseId == found.Id)
                .OrderBy(a => a.PublishedAt))
            .ToListAsync(cancellationToken);
        return new CaseView(found.Slug, found.Name,
            found.Citations.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            found.Court, found.Jurisdiction, found.FileNumber, found.Judges, found.ProceedingsStatus, found.SummaryHtml, timeline);
    }
}

using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services;

public sealed record CaseSummary(string Slug, string Name, string Citations, string Court, string Jurisdiction, ProceedingsStatus Status, int ArticleCount)
{
    public string FirstCitation => LineList.First(Citations);
}

public sealed record CaseFilter(string? Court, string? Jurisdiction, ProceedingsStatus? Status);

public sealed record CaseIndex(IReadOnlyList<CaseSummary> Cases, IReadOnlyList<string> Courts, IReadOnlyList<string> Jurisdictions);

public sealed record CaseLink(string Slug, string Name, string Court);

public sealed record CaseView(
    int Id,
    string Slug,
    string Name,
    IReadOnlyList<string> Citations,
    string Court,
    string Jurisdiction,
    string FileNumber,
    string Judges,
    ProceedingsStatus Status,
    string SummaryHtml,
    IReadOnlyList<CaseLink> Related,
    IReadOnlyList<ArticleSummary> Timeline);

public sealed class CaseQueries(BlogDbContext db, ArticleQueries articles)
{
    public async Task<CaseIndex> ListAsync(CaseFilter filter, CancellationToken cancellationToken)
    {
        var published = articles.Published();
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Court))
        {
            query = query.Where(c => c.Court == filter.Court);
        }

        if (!string.IsNullOrWhiteSpace(filter.Jurisdiction))
        {
            query = query.Where(c => c.Jurisdiction == filter.Jurisdiction);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.ProceedingsStatus == status);
        }

        var cases = await query
            .OrderBy(c => c.Name)
            .Select(c => new CaseSummary(c.Slug, c.Name, c.Citations, c.Court, c.Jurisdiction, c.ProceedingsStatus,
                published.Count(a => a.CaseId == c.Id)))
            .ToListAsync(cancellationToken);
        var courts = await db.Cases.Where(c => c.Court != "").Select(c => c.Court).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        var jurisdictions = await db.Cases.Where(c => c.Jurisdiction != "").Select(c => c.Jurisdiction).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        return new CaseIndex(cases, courts, jurisdictions);
    }

    public async Task<CaseView?> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.Id, c.Slug, c.Name, c.Citations, c.Court, c.Jurisdiction, c.FileNumber, c.Judges, c.ProceedingsStatus, c.SummaryHtml,
                RelatedTo = c.RelatedCases.Select(r => new CaseLink(r.Slug, r.Name, r.Court)).ToList(),
                RelatedFrom = c.RelatedFrom.Select(r => new CaseLink(r.Slug, r.Name, r.Court)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var timeline = await articles.Summaries(articles.Published().Where(a => a.CaseId == found.Id)
                .OrderBy(a => a.PublishedAt))
            .ToListAsync(cancellationToken);
        return new CaseView(found.Id, found.Slug, found.Name,
            LineList.Split(found.Citations),
            found.Court, found.Jurisdiction, found.FileNumber, found.Judges, found.ProceedingsStatus, found.SummaryHtml,
            found.RelatedTo.Concat(found.RelatedFrom).DistinctBy(r => r.Slug).OrderBy(r => r.Name).ToList(), timeline);
    }
}

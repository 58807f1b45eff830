using Blog.Web.Data;
using Blog.Web.Infrastructure;
using Blog.Web.Domain;
using Blog.Web.Services.Search;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Services.Newsroom;

public sealed record CaseInput(
    string Name,
    string? Slug,
    string Citations,
    string Court,
    string Jurisdiction,
    string FileNumber,
    string Judges,
    ProceedingsStatus Status,
    string Summary,
    IReadOnlyList<int> RelatedCaseIds);

public sealed record CaseSaveOutcome(bool Succeeded, int Id, string Slug, IReadOnlyList<string> Errors)
{
    public static CaseSaveOutcome Refused(string error) => new(false, 0, "", [error]);
}

public sealed record CaseOption(int Id, string Name);

public sealed record CaseListItem(int Id, string Slug, string Name, string Court, ProceedingsStatus Status, int ArticleCount);

public sealed class CaseEditor(BlogDbContext db, MarkdownRenderer renderer, ISearchIndex search, TimeProvider clock)
{
    public Task<List<CaseOption>> OptionsAsync(CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().OrderBy(c => c.Name).Select(c => new CaseOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    public Task<List<CaseListItem>> ListAsync(CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CaseListItem(c.Id, c.Slug, c.Name, c.Court, c.ProceedingsStatus, c.Articles.Count))
            .ToListAsync(cancellationToken);

    public async Task<CaseInput?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Name, c.Slug, c.Citations, c.Court, c.Jurisdiction, c.FileNumber, c.Judges, c.ProceedingsStatus, c.Summary,
                Related = c.RelatedCases.Select(r => r.Id).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new CaseInput(found.Name, found.Slug, found.Citations, found.Court, found.Jurisdiction,
            found.FileNumber, found.Judges, found.ProceedingsStatus, found.Summary, found.Related);
    }

    public async Task<CaseSaveOutcome> SaveAsync(int? id, CaseInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = id is null ? null
            : await db.Cases.Include(c => c.RelatedCases).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && record is null)
        {
            return CaseSaveOutcome.Refused("That case record no longer exists.");
        }

        if (!renderer.TryRenderArticle(input.Summary, out var summaryHtml))
        {
            return CaseSaveOutcome.Refused(MarkdownRenderer.TooDeeplyNested);
        }

        var wanted = Slug.From(string.IsNullOrWhiteSpace(input.Slug) ? input.Name : input.Slug);
        var ownId = record?.Id ?? 0;
        var taken = await db.Cases.Where(c => c.Id != ownId && c.Slug.StartsWith(wanted)).Select(c => c.Slug).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(input.Slug) && taken.Contains(wanted))
        {
            return CaseSaveOutcome.Refused("Another case already uses that address (slug).");
        }

        if (record is null)
        {
            record = new Case { CreatedAt = now };
            db.Cases.Add(record);
        }

        record.Name = input.Name.Trim();
        record.Slug = record.Slug.Length > 0 && string.IsNullOrWhiteSpace(input.Slug) ? record.Slug : Slug.Unique(wanted, input.Name, taken.Contains);
        record.Citations = string.Join('\n', LineList.Split(input.Citations));
        record.Court = input.Court.Trim();
        record.Jurisdiction = input.Jurisdiction.Trim();
        record.FileNumber = input.FileNumber.Trim();
        record.Judges = input.Judges.Trim();
        record.ProceedingsStatus = input.Status;
        record.Summary = input.Summary;
        record.SummaryHtml = summaryHtml;
        record.UpdatedAt = now;
        var relatedIds = input.RelatedCaseIds.Where(r => r != ownId).Distinct().ToList();
        record.RelatedCases = await db.Cases.Where(c => relatedIds.Contains(c.Id)).ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexCaseAsync(record.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseSaveOutcome(true, record.Id, record.Slug, []);
    }
}

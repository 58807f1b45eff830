using System.Security.Claims;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Pages.Moderation;

/// <summary>Close, reopen or pre-moderate one article's comments.</summary>
public sealed class ArticleModel(ModerationService moderation, BlogDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public CommentMode Mode { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public IReadOnlyDictionary<Queue, int> Counts { get; private set; } = new Dictionary<Queue, int>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Slug, a.CommentMode, a.CommentsCloseAt }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        (Id, Title, Slug, Mode, ClosesAt) = (article.Id, article.Title, article.Slug, article.CommentMode, article.CommentsCloseAt);
        Counts = await moderation.CountsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CommentMode mode, CancellationToken cancellationToken)
    {
        StatusMessage = (await moderation.SetCommentModeAsync(id, mode, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)).Message;
        return LocalRedirect($"/moderation/articles/{id}");
    }
}

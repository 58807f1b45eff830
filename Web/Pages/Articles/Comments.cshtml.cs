using Blog.Web.Infrastructure.Caching;
using Blog.Web.Domain;
using Blog.Web.Pages.Comments;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Articles;

/// <summary>The threads of one comment page as an HTML fragment (progressive enhancement of the paging link).</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class CommentsModel(ArticleQueries articles, ReaderAccess access, CommentService comments) : PageModel
{
    public DiscussionModel Discussion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string? sort, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var lookup = await articles.BySlugAsync(slug, cancellationToken);
        var viewer = await access.StandingAsync(User, cancellationToken);
        if (lookup.Article is not { } article || !Paywall.ReadsFullText(article.Visibility, viewer.ReadsEverything))
        {
            return NotFound();
        }

        var order = Enum.TryParse<CommentSort>(sort, ignoreCase: true, out var parsed) ? parsed : CommentSort.Oldest;
        var view = await comments.DiscussionAsync(article, viewer, order, pageNumber, cancellationToken);
        Discussion = new DiscussionModel(view, new CommentFormModel("", new CommentInput(), ""));
        Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, view.PageNumber, view.PageCount);
        HttpContext.TagArticlePage(article);
        return Page();
    }
}

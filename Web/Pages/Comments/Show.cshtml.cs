using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services;
using Blog.Web.Services.Comments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>/comments/{id}: one comment with its parent chain and its replies.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class ShowModel(CommentService comments, ReaderAccess access) : PageModel
{
    public PermalinkView View { get; private set; } = null!;

    public CommentContext Context { get; private set; } = null!;

    public string DiscussionUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await access.StandingAsync(User, cancellationToken);
        var view = await comments.PermalinkAsync(id, viewer, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        HttpContext.TagPage(Infrastructure.Caching.CacheTags.Article(view.ArticleId), Infrastructure.Caching.CacheTags.Discussion(view.ArticleId));
        Context = new CommentContext(viewer, view.Permission.Allowed, view.MayRecommend, view.EditWindow, view.Now, view.Time, Highlight: id);
        DiscussionUrl = await comments.LocationAsync(id, viewer, cancellationToken);
        return Page();
    }
}

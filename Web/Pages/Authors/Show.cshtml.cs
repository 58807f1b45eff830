using Blog.Web.Infrastructure.Caching;
using Blog.Web.Pages.Shared;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Authors;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class ShowModel(ArticleQueries articles) : PageModel
{
    public AuthorPage Author { get; private set; } = null!;

    public PagerModel Pager => new(Author.Articles.PageNumber, Author.Articles.PageCount, p => $"/authors/{RouteData.Values["slug"]}?page={p}");

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var author = await articles.ByAuthorAsync(slug, pageNumber, cancellationToken);
        if (author is null)
        {
            return NotFound();
        }

        Author = author;
        Infrastructure.Caching.AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, author.Articles.PageNumber, author.Articles.PageCount);
        HttpContext.TagList(author.Articles.Items.Select(a => a.Id));
        return Page();
    }
}

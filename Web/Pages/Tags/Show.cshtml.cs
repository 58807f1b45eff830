using Blog.Web.Infrastructure.Caching;
using Blog.Web.Pages.Shared;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Tags;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class ShowModel(ArticleQueries articles) : PageModel
{
    public TagPage Tag { get; private set; } = null!;

    public PagerModel Pager => new(Tag.Articles.PageNumber, Tag.Articles.PageCount, p => $"/tags/{RouteData.Values["slug"]}?page={p}");

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var tag = await articles.ByTagAsync(slug, pageNumber, cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }

        Tag = tag;
        Infrastructure.Caching.AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, tag.Articles.PageNumber, tag.Articles.PageCount);
        HttpContext.TagList(tag.Articles.Items.Select(a => a.Id));
        return Page();
    }
}

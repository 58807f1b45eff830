using Blog.Web.Infrastructure.Caching;
using Blog.Web.Pages.Shared;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class IndexModel(ArticleQueries articles) : PageModel
{
    public Page<ArticleSummary> Articles { get; private set; } = null!;

    public PagerModel Pager => new(Articles.PageNumber, Articles.PageCount, p => p == 1 ? "/" : $"/?page={p}");

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        Articles = await articles.LatestAsync(pageNumber, cancellationToken);
        Infrastructure.Caching.AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, Articles.PageNumber, Articles.PageCount);
        HttpContext.TagList(Articles.Items.Select(a => a.Id));
    }
}

using Blog.Web.Infrastructure.Caching;
using Blog.Web.Pages.Shared;
using Blog.Web.Services.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Search;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class IndexModel(SearchService search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public SearchResults? Results { get; private set; }

    public PagerModel? Pager => Results is { } r
        ? new(r.Articles.PageNumber, r.Articles.PageCount, p => $"/search?q={Uri.EscapeDataString(r.Query)}&page={p}")
        : null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        HttpContext.TagPage(Infrastructure.Caching.CacheTags.Lists);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await search.SearchAsync(Q, pageNumber, cancellationToken);
            Infrastructure.Caching.AnonymousPagesPolicy.StoreOnlyRealPage(HttpContext, Results.Articles.PageNumber, Results.Articles.PageCount);
        }
    }
}

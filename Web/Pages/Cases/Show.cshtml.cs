using Blog.Web.Infrastructure.Caching;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Cases;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class ShowModel(CaseQueries cases) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await cases.BySlugAsync(slug, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        // Its articles and related cases are in lists: any article or case saved evicts it, as well as its own.
        HttpContext.TagPage(Infrastructure.Caching.CacheTags.Case(found.Id), Infrastructure.Caching.CacheTags.Lists);
        return Page();
    }
}

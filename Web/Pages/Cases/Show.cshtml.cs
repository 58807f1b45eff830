using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Cases;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.AnonymousPagesPolicy.Name)]
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
        return Page();
    }
}

using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Cases;

public sealed class IndexModel(CaseQueries cases) : PageModel
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cases = await cases.ListAsync(cancellationToken);
    }
}

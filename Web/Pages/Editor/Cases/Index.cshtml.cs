using Blog.Web.Services.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Editor.Cases;

public sealed class IndexModel(CaseEditor editor) : PageModel
{
    public IReadOnlyList<CaseListItem> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cases = await editor.ListAsync(cancellationToken);
    }
}

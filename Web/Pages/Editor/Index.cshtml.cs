using Blog.Web.Services.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Editor;

public sealed class IndexModel(ArticleEditor editor) : PageModel
{
    public IReadOnlyList<ArticleListItem> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Articles = await editor.ListAsync(cancellationToken);
    }
}

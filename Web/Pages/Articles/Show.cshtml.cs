using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Articles;

public sealed class ShowModel(ArticleQueries articles) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.BySlugAsync(slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        return Page();
    }
}

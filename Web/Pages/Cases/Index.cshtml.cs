using Blog.Web.Infrastructure.Caching;
using Blog.Web.Domain;
using Blog.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Cases;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Blog.Web.Infrastructure.Caching.AnonymousPagesPolicy.Name)]
public sealed class IndexModel(CaseQueries cases) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Court { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProceedingsStatus? Status { get; set; }

    public CaseIndex Index { get; private set; } = null!;

    public bool Filtered => !string.IsNullOrEmpty(Court) || !string.IsNullOrEmpty(Jurisdiction) || Status is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Index = await cases.ListAsync(new CaseFilter(Court, Jurisdiction, Status), cancellationToken);
        HttpContext.TagPage(Infrastructure.Caching.CacheTags.Lists);
    }
}

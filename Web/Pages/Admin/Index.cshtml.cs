using Blog.Web.Pages.Shared;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

public sealed class IndexModel(AccountDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public SubscriptionFilter Subscription { get; set; }

    [BindProperty(SupportsGet = true)]
    public StandingFilter Standing { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AccountPage Accounts { get; private set; } = null!;

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Role) || Subscription != SubscriptionFilter.Any || Standing != StandingFilter.Any;

    public PagerModel Pager => new(Accounts.PageNumber, Accounts.PageCount, Href);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An unknown filter value is no filter rather than an error page.
        Subscription = Enum.IsDefined(Subscription) ? Subscription : SubscriptionFilter.Any;
        Standing = Enum.IsDefined(Standing) ? Standing : StandingFilter.Any;
        Accounts = await directory.FindAsync(new AccountFilter(Q, Role, Subscription, Standing), PageNumber, cancellationToken);
    }

    private string Href(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["role"] = string.IsNullOrEmpty(Role) ? null : Role,
            ["subscription"] = Subscription == SubscriptionFilter.Any ? null : Subscription.ToString(),
            ["standing"] = Standing == StandingFilter.Any ? null : Standing.ToString(),
            ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin", query.Where(p => p.Value is not null)!);
    }
}

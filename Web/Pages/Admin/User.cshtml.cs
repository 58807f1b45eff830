using System.Security.Claims;
using Blog.Web.Data;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Pages.Admin;

/// <summary>An account's subscriptions: grant, extend and end, each with a logged reason.</summary>
public sealed class UserModel(BlogDbContext db, SubscriptionService subscriptions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Email { get; private set; }

    public SubscriptionOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        (Id, Name, Email) = (user.Id, user.DisplayName, user.Email);
        Overview = await subscriptions.OverviewAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostGrantAsync(string id, int days, string? reason, CancellationToken cancellationToken)
    {
        StatusMessage = (await subscriptions.GrantAsync(id, days, reason ?? "", AdminId, cancellationToken)).Message;
        return LocalRedirect($"/admin/users/{Uri.EscapeDataString(id)}");
    }

    public async Task<IActionResult> OnPostEndAsync(string id, int subscriptionId, string? reason, CancellationToken cancellationToken)
    {
        StatusMessage = (await subscriptions.EndAsync(subscriptionId, reason ?? "", AdminId, cancellationToken)).Message;
        return LocalRedirect($"/admin/users/{Uri.EscapeDataString(id)}");
    }

    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

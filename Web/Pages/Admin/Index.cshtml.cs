using Blog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Pages.Admin;

public sealed record UserLine(string Id, string DisplayName, string? Email, DateTimeOffset CreatedAt);

public sealed class IndexModel(BlogDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserLine> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = $"%{Q.Trim()}%";
            query = query.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.DisplayName, pattern));
        }

        Users = await query.OrderByDescending(u => u.CreatedAt).Take(50)
            .Select(u => new UserLine(u.Id, u.DisplayName, u.Email, u.CreatedAt)).ToListAsync(cancellationToken);
    }
}

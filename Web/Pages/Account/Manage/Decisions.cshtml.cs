using System.Security.Claims;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Legal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account.Manage;

/// <summary>/account/decisions: the statements of reasons for restrictions on the member; /account/decisions/{id}: one, with its appeal.</summary>
public sealed class DecisionsModel(Statements statements, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public string AppealText { get; set; } = "";

    public IReadOnlyList<StatementOfReasons> All { get; private set; } = [];

    public StatementOfReasons? Statement { get; private set; }

    public Appeal? Appeal { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var result = await statements.AppealAsync(id, UserId, AppealText, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = result.Message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            All = await statements.ForUserAsync(UserId, cancellationToken);
            return true;
        }

        if (await statements.OneAsync(id.Value, UserId, cancellationToken) is not { } found)
        {
            return false;
        }

        (Statement, Appeal) = found;
        return true;
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

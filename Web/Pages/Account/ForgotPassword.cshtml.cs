using Blog.Web.Infrastructure;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Account;

[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await accounts.SendPasswordResetAsync(Input.Email,
            (_, token) => Url.Page("/Account/ResetPassword", new { code = token })!,
            cancellationToken);
        // The same answer whether or not the address has an account.
        StatusMessage = "If that address belongs to an account, a link to reset the password is on its way. It works for a limited time.";
        return RedirectToPage("/Account/Login");
    }
}

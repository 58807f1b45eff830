using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Account;

[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class ResendConfirmationModel(UserManager<BlogUser> users, AccountService accounts) : PageModel
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

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && !user.EmailConfirmed)
        {
            await accounts.SendConfirmationAsync(user,
                AccountLinks.Confirm(Url),
                cancellationToken);
        }

        // The same answer whether or not the address has an account: no account enumeration.
        StatusMessage = "If that address has an unconfirmed account, a new confirmation link is on its way.";
        return RedirectToPage("/Account/Login");
    }
}

using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account;

/// <summary>The link in the email opens a page; confirming is a POST, so link scanners change nothing.</summary>
public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.ConfirmEmailAsync(UserId, Code);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, $"{result.Errors[0]} You can ask for a new link on the sign-in page.");
            return Page();
        }

        StatusMessage = "Thank you: your email is confirmed. You can sign in now.";
        return RedirectToPage("/Account/Login");
    }
}

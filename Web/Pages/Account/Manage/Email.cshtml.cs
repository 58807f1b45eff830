using Blog.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Account.Manage;

[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class EmailModel(UserManager<BlogUser> users, AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string CurrentEmail { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(256)]
        [Display(Name = "New email")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.RequestEmailChangeAsync(user, Input.CurrentPassword, Input.NewEmail,
            (userId, email, token) => Url.Page("/Account/ConfirmEmailChange", new { userId, email, code = token })!,
            cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }

        StatusMessage = $"We have sent a confirmation link to {Input.NewEmail.Trim()}. Your email changes when you open it.";
        return RedirectToPage();
    }
}

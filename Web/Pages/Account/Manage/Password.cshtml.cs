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
public sealed class PasswordModel(UserManager<BlogUser> users, SignInManager<BlogUser> signIn, AccountService accounts, UserSessions sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Confirm new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword, sessions.CurrentSessionId(HttpContext), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }

        // This session now carries the new security stamp.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password has been changed, and your other devices have been signed out.";
        return RedirectToPage();
    }
}

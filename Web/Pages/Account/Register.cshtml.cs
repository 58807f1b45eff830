using System.ComponentModel.DataAnnotations;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Account;

[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class RegisterModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a display name.")]
        [StringLength(60, MinimumLength = 2, ErrorMessage = "A display name is 2 to 60 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type your password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.RegisterAsync(Input.DisplayName, Input.Email, Input.Password,
            AccountLinks.Confirm(Url), Url.Page("/Account/Login")!,
            cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);

            return Page();
        }

        return RedirectToPage("/Account/RegisterConfirmation", new { email = Input.Email });
    }
}

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
public sealed class DeleteModel(UserManager<BlogUser> users, SignInManager<BlogUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
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

        var result = await accounts.DeleteAsync(user, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }

        await signIn.SignOutAsync();
        StatusMessage = "Your account has been deleted.";
        return LocalRedirect("/");
    }
}

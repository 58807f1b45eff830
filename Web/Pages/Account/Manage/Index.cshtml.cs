using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain;
using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account.Manage;

public sealed class ProfileModel(UserManager<BlogUser> users, SignInManager<BlogUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Email { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IList<string> Roles { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a display name.")]
        [StringLength(60, MinimumLength = 2, ErrorMessage = "A display name is 2 to 60 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        Input.DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var result = await accounts.UpdateDisplayNameAsync(user, Input.DisplayName);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            await LoadAsync(user);
            return Page();
        }

        // The display name lives in the session's claims: refresh them.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your display name has been saved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(BlogUser user)
    {
        Email = user.Email ?? "";
        CreatedAt = user.CreatedAt;
        Roles = await users.GetRolesAsync(user);
    }
}

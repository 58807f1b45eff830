using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Account;

/// <summary>Signing out is a POST; it deletes the server-side session, so a copy of the cookie is useless afterwards.</summary>
public sealed class LogoutModel(SignInManager<BlogUser> signIn) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        StatusMessage = "You have signed out.";
        return LocalRedirect("/");
    }
}

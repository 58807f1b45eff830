using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Accounts;
using Blog.Web.Services.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Web.Pages.Account;

[EnableRateLimiting(BlogServices.AccountPostsPolicy)]
public sealed class LoginModel(AccountService accounts, TimeProvider clock, SiteSettingsStore settings) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.SignInAsync(Input.Email, Input.Password, Input.RememberMe);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut when AccountLock.IsByStaff(result.LockedUntil):
                ModelState.AddModelError(string.Empty,
                    $"This account has been locked by the site's administrators. Write to {(await settings.CurrentAsync(HttpContext.RequestAborted)).ContactEmail} if you think this is a mistake.");
                return Page();
            case SignInOutcome.LockedOut:
                var minutes = result.LockedUntil is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
                ModelState.AddModelError(string.Empty,
                    $"Too many failed attempts: this account is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}. You can reset your password meanwhile.");
                return Page();
            case SignInOutcome.EmailNotConfirmed:
                ModelState.AddModelError(string.Empty, "Confirm your email address before signing in: use the link we sent you, or ask for a new one below.");
                return Page();
        }

        ModelState.AddModelError(string.Empty, "That email and password do not match an account.");
        return Page();
    }
}

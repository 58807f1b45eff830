using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Blog.Web.Pages.Account;

internal static class AccountResultExtensions
{
    /// <summary>Shows every reason an account operation was refused at the top of the form.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, AccountResult result)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.Empty, error);
        }
    }
}

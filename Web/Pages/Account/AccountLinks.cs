using Blog.Web.Services.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Web.Pages.Account;

/// <summary>The links an account's mails carry, drawn from the pages that answer them.</summary>
public static class AccountLinks
{
    public static TokenLink Confirm(IUrlHelper url) => (userId, token) => url.Page("/Account/ConfirmEmail", new { userId, code = token })!;
}

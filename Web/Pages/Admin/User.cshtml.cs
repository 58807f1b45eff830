using System.Security.Claims;
using Blog.Web.Domain;
using Blog.Web.Pages.Account;
using Blog.Web.Services.Accounts;
using Blog.Web.Services.Subscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Admin;

/// <summary>
/// One account as an admin runs it: roles, the lock, sessions, the confirmation mail and subscriptions, each change
/// with a logged reason.
/// </summary>
public sealed class UserModel(
    UserManager<BlogUser> users,
    AccountAdministration administration,
    UserSessions sessions,
    SubscriptionService subscriptions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public BlogUser Account { get; private set; } = null!;

    public AccountDetail Detail { get; private set; } = null!;

    public SubscriptionOverview Overview { get; private set; } = null!;

    public bool IsSelf => Account.Id == AdminId;

    /// <summary>A refusal of the form named by <see cref="FailedForm"/>, shown beside it with what was typed.</summary>
    public string? Error { get; private set; }

    public string? FailedForm { get; private set; }

    public string? TypedReason { get; private set; }

    /// <summary>The role an admin is removing from themselves, waiting for them to confirm.</summary>
    public string? ConfirmingRole { get; private set; }

    public string ReasonFor(string form) => FailedForm == form ? TypedReason ?? "" : "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, bool give, bool confirmed, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, $"role-{role}", reason, (user, actor) => administration.ChangeRoleAsync(user, role ?? "", give, confirmed, actor, cancellationToken),
            outcome => outcome.Kind == AdminOutcomeKind.NeedsConfirmation ? role : null, cancellationToken);

    public Task<IActionResult> OnPostLockAsync(string id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, "lock", reason, (user, actor) => administration.LockAsync(user, actor, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, "lock", reason, (user, actor) => administration.UnlockAsync(user, actor, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostEndSessionsAsync(string id, string? handle, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, handle is null ? "sessions" : $"session-{handle}", reason,
            (user, actor) => administration.EndSessionsAsync(user, handle, actor, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostResendAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "confirmation", "", (user, actor) => administration.ResendConfirmationAsync(user, AccountLinks.Confirm(Url), actor, cancellationToken),
            null, cancellationToken);

    public async Task<IActionResult> OnPostGrantAsync(string id, int days, string? reason, CancellationToken cancellationToken)
    {
        StatusMessage = (await subscriptions.GrantAsync(id, days, reason ?? "", AdminId, cancellationToken)).Message;
        return LocalRedirect(Here(id));
    }

    public async Task<IActionResult> OnPostEndAsync(string id, int subscriptionId, string? reason, CancellationToken cancellationToken)
    {
        StatusMessage = (await subscriptions.EndAsync(subscriptionId, reason ?? "", AdminId, cancellationToken)).Message;
        return LocalRedirect(Here(id));
    }

    // Done: back to the page (or, when an admin gave up their own admin role, to the home page). Refused or waiting
    // for a confirmation: the page again, with the reason and what was typed.
    private async Task<IActionResult> ActAsync(string id, string form, string? reason,
        Func<BlogUser, AdminActor, Task<AdminOutcome>> act, Func<AdminOutcome, string?>? confirming, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var outcome = await act(user, new AdminActor(AdminId, sessions.CurrentSessionId(HttpContext), reason ?? ""));
        if (outcome.Succeeded)
        {
            StatusMessage = outcome.Message;
            return LocalRedirect(outcome.Kind == AdminOutcomeKind.DoneOnSelf && !await users.IsInRoleAsync(user, Roles.Admin) ? "/" : Here(id));
        }

        (Error, FailedForm, TypedReason, ConfirmingRole) = (outcome.Message, form, reason, confirming?.Invoke(outcome));
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        Account = user;
        Detail = await administration.DetailAsync(user, sessions.CurrentSessionId(HttpContext), cancellationToken);
        Overview = await subscriptions.OverviewAsync(id, cancellationToken);
        return true;
    }

    private static string Here(string id) => $"/admin/users/{Uri.EscapeDataString(id)}";

    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

using System.Security.Claims;
using Blog.Web.Configuration;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Blog.Web.Infrastructure.Limits;

/// <summary>What a reader does to a discussion, each with its own burst limit.</summary>
public enum PostingAction
{
    Comment,
    Preview,
    Recommend,
    Edit,
    Delete,
    Report,
}

/// <summary>Who a limit counts against: the account when signed in, otherwise the client's address.</summary>
public static class ClientKey
{
    public static string Of(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "account:" + userId
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}

/// <summary>
/// Burst limits on discussion actions, asked by the page itself rather than by the rate-limiting middleware, so a
/// refusal redisplays the same form with the typed text and says when to try again (the middleware can only answer
/// with a bare 429). These guard against scripts; the business caps (flood, duplicates) are database rules. Counted
/// by <see cref="ClientLimits"/>: across instances when there is Redis.
/// </summary>
public sealed class PostingLimits(ClientLimits limits, IOptions<CommentOptions> options)
{
    /// <summary>How long to wait when <paramref name="action"/> is over its limit for this client; null when it may go ahead.</summary>
    public async ValueTask<TimeSpan?> WaitBeforeAsync(PostingAction action, HttpContext context)
    {
        var settings = options.Value;
        var permits = action switch
        {
            PostingAction.Comment => settings.PostsPerMinute,
            PostingAction.Preview => settings.PreviewsPerMinute,
            _ => settings.ActionsPerMinute,
        };
        using var lease = await limits.AcquireAsync(action + ":" + ClientKey.Of(context), permits, context.RequestAborted);
        return lease.IsAcquired ? null : ClientLimits.WaitOf(lease);
    }

    /// <summary>Sets Retry-After to the wait in whole seconds (at least one) and gives that number.</summary>
    public static int SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        var seconds = WholeSeconds(wait);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>A wait in whole seconds, rounded up, at least one.</summary>
    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>What the reader is told; <paramref name="textKept"/> when a form comes back with what they typed.</summary>
    public static string Message(PostingAction action, int seconds, bool textKept = true)
    {
        var what = action switch
        {
            PostingAction.Comment => "posting comments",
            PostingAction.Preview => "previewing",
            PostingAction.Recommend => "recommending",
            PostingAction.Edit => "editing",
            PostingAction.Delete => "deleting",
            _ => "reporting",
        };
        return $"You are {what} faster than the site allows. Please wait {seconds} second{(seconds == 1 ? "" : "s")} and try again"
            + (textKept ? "; anything you typed is kept below." : ".");
    }
}

public static class PostingLimitPages
{
    /// <summary>A post the database was too busy to save: 503 with Retry-After, and the form comes back with the text.</summary>
    public static void AnswerBusy(this PageModel page, Services.Comments.CommentOutcome outcome)
    {
        if (outcome.Result == Services.Comments.CommentResult.Busy)
        {
            page.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            PostingLimits.SetRetryAfter(page.Response, TimeSpan.FromSeconds(Data.DatabaseBusy.RetryAfterSeconds));
        }
    }

    /// <summary>
    /// Asks the limit for <paramref name="action"/>; when it is reached, sets 429 and Retry-After on the response and
    /// gives the sentence to show above the form (null when the action may go ahead).
    /// </summary>
    public static async ValueTask<string?> TooFastAsync(this PageModel page, PostingLimits limits, PostingAction action)
    {
        if (await limits.WaitBeforeAsync(action, page.HttpContext) is not { } wait)
        {
            return null;
        }

        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return PostingLimits.Message(action, PostingLimits.SetRetryAfter(page.Response, wait));
    }
}

using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blog.Web.Tests.Pages;

public sealed class LoggedSiteFactory : BlogAppFactory
{
    public LoggedSiteFactory() =>
        WithServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<IStartupFilter, EchoRoute>();
        });

    public CapturingLoggerProvider Logs { get; } = new();
}

/// <summary>Logs record what happened to which account, and never a person's email, address, password, cookie or token.</summary>
public sealed class LogHygieneTests(LoggedSiteFactory factory) : IClassFixture<LoggedSiteFactory>
{
    [Fact]
    public async Task AFullFlow_LeavesNoPersonalDataOrSecretsInTheLogs_ButRecordsFailuresByAccount()
    {
        var email = $"logged-{Guid.NewGuid():N}@example.test";
        const string password = "a passphrase nobody should log";
        const string newPassword = "another passphrase nobody should log";
        var client = factory.CreateBrowserClient();
        await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Logged Reader", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        var confirm = factory.Mailbox.LatestLinkTo(email);
        await client.PostFormAsync(confirm, new Dictionary<string, string>());
        await client.SignInAsync(email, "a wrong passphrase for the log");
        await client.SignInAsync(email, password);
        var slug = await Discussions.PublishArticleAsync(factory);
        await client.GetAsync("/moderation");
        await client.PostFormAsync("/account/manage", new Dictionary<string, string> { ["Input.DisplayName"] = "Logged Reader Two" });
        var (subscriber, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await subscriber.CommentAsync(slug, "A comment in the logged flow.");
        await factory.CreateBrowserClient().PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = factory.Mailbox.LatestLinkTo(email);
        var resetClient = factory.CreateBrowserClient();
        var resetDone = await resetClient.PostFormAsync(reset, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, resetDone.StatusCode);

        var logs = string.Join("\n", factory.Logs.Lines);
        var userId = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        Assert.Contains($"Sign-in failed for account {userId}", logs);
        Assert.Contains($"Access denied to /moderation for account {userId}", logs);
        var secrets = new[]
        {
            email, email.Split('@')[0], password, newPassword, "a wrong passphrase for the log", "192.0.2.10",
            Query(confirm, "code"), Query(reset, "code"),
        };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("__Host-docket", logs);
        Assert.DoesNotContain("Cookie", logs);
    }

    private static string Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + url).Query)[name] ?? throw new InvalidOperationException($"No {name} in {url}");
}

using Blog.Web.Data;
using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Support;

public enum TestRole
{
    Member,
    Subscriber,
    Editor,
    Admin,
    Legal,
}

public sealed record TestUser(string Id, string Email, string Password, string DisplayName);

/// <summary>Creates confirmed accounts in a role and signs them in through the real sign-in form.</summary>
public static class TestUsers
{
    public const string Password = "a perfectly fine test passphrase";

    public static async Task<TestUser> CreateAsync(BlogAppFactory factory, TestRole role, string? email = null, string? displayName = null)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        displayName ??= $"Test {role}";
        return await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            var user = new BlogUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = factory.Clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            if (role is TestRole.Editor or TestRole.Admin or TestRole.Legal)
            {
                await users.AddToRoleAsync(user, role.ToString());
            }

            if (role is TestRole.Subscriber)
            {
                var db = sp.GetRequiredService<BlogDbContext>();
                db.Subscriptions.Add(new Subscription
                {
                    UserId = user.Id,
                    Plan = "Annual",
                    Source = SubscriptionSource.AdminGrant,
                    StartedAt = factory.Clock.GetUtcNow(),
                    CurrentPeriodEnd = factory.Clock.GetUtcNow().AddDays(365),
                });
                await db.SaveChangesAsync();
            }

            return new TestUser(user.Id, email, Password, displayName);
        });
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null) =>
        client.PostFormAsync("/account/login" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["ReturnUrl"] = returnUrl ?? "" });

    /// <summary>A client signed in as a new account in <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Client, TestUser User)> SignedInClientAsync(BlogAppFactory factory, TestRole role)
    {
        var user = await CreateAsync(factory, role);
        var client = factory.CreateBrowserClient();
        var response = await client.SignInAsync(user.Email, user.Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}.");
        }

        return (client, user);
    }
}

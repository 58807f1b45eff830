using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>A route that says what the site believes about the request: the client's address, scheme and host.</summary>
public sealed class EchoRoute : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // The test server has no client address; give it one, as Kestrel would, before the site's pipeline runs.
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Parse(context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? "192.0.2.10");
            return nextMiddleware(context);
        });
        next(app);
        app.Map("/test-echo", branch => branch.Run(context =>
            context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}")));
    };
}

public sealed class ProxiedSiteFactory : BlogAppFactory
{
    public ProxiedSiteFactory()
        : base(extra: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" }) =>
        WithServices(services => services.AddSingleton<IStartupFilter, EchoRoute>());
}

public sealed class UnproxiedSiteFactory : BlogAppFactory
{
    public UnproxiedSiteFactory() => WithServices(services => services.AddSingleton<IStartupFilter, EchoRoute>());
}

public sealed class ForwardedHeaderTests(UnproxiedSiteFactory unproxied, ProxiedSiteFactory proxied)
    : IClassFixture<UnproxiedSiteFactory>, IClassFixture<ProxiedSiteFactory>
{
    private static HttpRequestMessage Forged(string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/test-echo");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (peer is not null)
        {
            request.Headers.Add("X-Test-Peer", peer);
        }

        return request;
    }

    [Fact]
    public async Task WithNoProxyConfigured_ForwardedHeadersAreNotBelieved()
    {
        var echo = await (await unproxied.CreateClient().SendAsync(Forged())).Content.ReadAsStringAsync();

        Assert.Equal("192.0.2.10 http", echo);
    }

    [Fact]
    public async Task FromAnUnknownSender_ForwardedHeadersAreNotBelieved()
    {
        var echo = await (await proxied.CreateClient().SendAsync(Forged("192.0.2.77"))).Content.ReadAsStringAsync();

        Assert.Equal("192.0.2.77 http", echo);
    }

    [Fact]
    public async Task FromTheConfiguredProxy_ForwardedHeadersAreBelieved()
    {
        var echo = await (await proxied.CreateClient().SendAsync(Forged("10.0.0.5"))).Content.ReadAsStringAsync();

        Assert.Equal("203.0.113.9 https", echo);
    }
}

public sealed class AccountSecurityTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task PasswordResetMail_LinksToTheConfiguredSite_EvenWhenTheRequestNamesAnotherHost()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://attacker.example"), AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = factory.Mailbox.To(user.Email).Last().TextBody;
        Assert.Contains("https://localhost/account/reset-password?", mail);
        Assert.DoesNotContain("attacker.example", mail);
    }

    [Fact]
    public async Task ConfirmationMail_LinksToTheConfiguredSite_EvenWhenTheRequestNamesAnotherHost()
    {
        var email = NewEmail();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://attacker.example"), AllowAutoRedirect = false });

        await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ana Reader", ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password,
        });

        var mail = factory.Mailbox.To(email).Last().TextBody;
        Assert.Contains("https://localhost/account/confirm-email?", mail);
        Assert.DoesNotContain("attacker.example", mail);
    }

    [Fact]
    public async Task StripeReturnAddresses_AreBuiltFromTheConfiguredSite()
    {
        var checkout = await factory.WithScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<Blog.Web.Services.Subscriptions.StripeBilling>().CheckoutFor("u1", "a@example.test",
                new Blog.Web.Configuration.PlanOption { Id = "monthly", Name = "Monthly", StripePriceId = "price_1" }, "/subscribe/success", "/subscribe/cancelled")));

        Assert.Equal("https://localhost/subscribe/success?session_id={CHECKOUT_SESSION_ID}", checkout.SuccessUrl);
        Assert.Equal("https://localhost/subscribe/cancelled", checkout.CancelUrl);
    }

    [Fact]
    public async Task SignIn_WithASessionCookiePlantedBeforehand_StartsANewSession()
    {
        // The attacker signs in as themselves and plants their session cookie in the victim's browser.
        var attacker = await TestUsers.CreateAsync(factory, TestRole.Member, displayName: "Attacker Reader");
        var planted = await SignInWithCookiesAsync(attacker, null);
        var victim = await TestUsers.CreateAsync(factory, TestRole.Member, displayName: "Victim Reader");

        var issued = await SignInWithCookiesAsync(victim, planted);

        Assert.NotEqual(planted, issued);
        // The attacker's copy of the old cookie does not carry the victim's session.
        var attackerView = await RawClient().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, "/account/manage"), planted));
        var text = await attackerView.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Victim Reader", text);
        Assert.DoesNotContain(victim.Email, text);
        var victimView = await RawClient().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, "/account/manage"), issued));
        Assert.Contains(victim.Email, await victimView.Content.ReadAsStringAsync());
    }

    private HttpClient RawClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string cookie)
    {
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>Signs in through the form without a cookie jar, sending <paramref name="planted"/> along; returns the session cookie set.</summary>
    private async Task<string> SignInWithCookiesAsync(TestUser user, string? planted)
    {
        var client = RawClient();
        // The browser sends the planted cookie with every request, the sign-in page's too.
        var loginRequest = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (planted is not null)
        {
            loginRequest.Headers.Add("Cookie", planted);
        }

        var login = await client.SendAsync(loginRequest);
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        if (planted is not null)
        {
            cookies.Add(planted);
        }

        var post = WithCookie(new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email, ["Input.Password"] = user.Password,
                ["__RequestVerificationToken"] = Html.AntiforgeryToken(await Html.ParseAsync(login)),
            }),
        }, string.Join("; ", cookies));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-docket=", StringComparison.Ordinal)).Split(';')[0];
    }

    [Fact]
    public async Task Register_WithATakenEmail_AnswersAsForANewOne_AndMailsTheOwner()
    {
        var existing = await TestUsers.CreateAsync(factory, TestRole.Member);
        var before = factory.Mailbox.To(existing.Email).Count;
        var client = factory.CreateBrowserClient();

        var taken = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = existing.Email, ["Input.Password"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        var fresh = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone Else", ["Input.Email"] = NewEmail(), ["Input.Password"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.StartsWith("/account/register-confirmation", taken.Location());
        var notice = factory.Mailbox.To(existing.Email).Skip(before).Single();
        Assert.Contains("already has one", notice.TextBody);
        Assert.Contains("https://localhost/account/login", notice.TextBody);
    }

    [Fact]
    public async Task SignIn_UnconfirmedAccountWithAWrongPassword_DoesNotSayItIsUnconfirmed()
    {
        var email = NewEmail();
        await factory.CreateBrowserClient().PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Reader", ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        var client = factory.CreateBrowserClient();

        var wrong = Html.Errors(await Html.ParseAsync(await client.SignInAsync(email, "not the password at all")));
        var unknown = Html.Errors(await Html.ParseAsync(await client.SignInAsync(NewEmail(), "not the password at all")));
        var right = Html.Errors(await Html.ParseAsync(await client.SignInAsync(email, TestUsers.Password)));

        Assert.Equal(unknown, wrong);
        Assert.Contains(right, e => e.Contains("Confirm your email"));
    }

    [Fact]
    public async Task SignIn_LockedAccountWithAWrongPassword_DoesNotSayItIsLocked()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(user.Email, "not the password at all");
        }

        var wrong = Html.Errors(await Html.ParseAsync(await client.SignInAsync(user.Email, "still not the password")));
        var right = Html.Errors(await Html.ParseAsync(await client.SignInAsync(user.Email, user.Password)));

        Assert.DoesNotContain(wrong, e => e.Contains("locked"));
        Assert.Contains(right, e => e.Contains("locked"));
    }

    [Theory]
    [InlineData("/account/manage/password", "Input.CurrentPassword")]
    [InlineData("/account/manage/email", "Input.CurrentPassword")]
    [InlineData("/account/manage/delete", "Input.Password")]
    public async Task AWrongCurrentPasswordOnAnAccountPage_CountsTowardsLockout(string page, string field)
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var fields = new Dictionary<string, string>
        {
            [field] = "not the password at all",
            ["Input.NewPassword"] = "another fine passphrase here",
            ["Input.ConfirmPassword"] = "another fine passphrase here",
            ["Input.NewEmail"] = NewEmail(),
        };

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var refused = await client.PostFormAsync(page, fields);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var locked = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!);
        });
        Assert.True(locked);
        // Locked, even the right password on the page is refused, and says why.
        fields[field] = user.Password;
        var page6 = await client.PostFormAsync(page, fields);
        Assert.Contains(Html.Errors(await Html.ParseAsync(page6)), e => e.Contains("locked"));
    }
}

using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

public sealed class AccountTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private static Dictionary<string, string> Registration(string email, string password = TestUsers.Password, string? confirm = null) => new()
    {
        ["Input.DisplayName"] = "Kiri Tawhai",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Register_ConfirmThroughTheMailedLink_ThenSignIn()
    {
        var client = factory.CreateBrowserClient();
        var email = NewEmail();

        var registered = await client.PostFormAsync("/account/register", Registration(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/account/register-confirmation", registered.Location());

        // Not confirmed yet: sign-in is refused with the reason.
        var early = await client.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(early)), e => e.Contains("Confirm your email"));

        var link = factory.Mailbox.LatestLinkTo(email);
        Assert.StartsWith("/account/confirm-email?", link);
        var confirmed = await client.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/account/login", confirmed.Location());

        var signedIn = await client.SignInAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Location());

        var account = await client.GetDocumentAsync("/account/manage");
        Assert.Contains(email, account.QuerySelector(".facts")!.TextContent);
        Assert.Equal("Kiri Tawhai", account.QuerySelector(".account-name")!.TextContent.Trim());
    }

    [Fact]
    public async Task Register_ConfirmationLinkViaGet_ChangesNothing()
    {
        var client = factory.CreateBrowserClient();
        var email = NewEmail();
        await client.PostFormAsync("/account/register", Registration(email));

        var page = await client.GetAsync(factory.Mailbox.LatestLinkTo(email));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var user = await factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<BlogUser>>().FindByEmailAsync(email));
        Assert.False(user!.EmailConfirmed);
    }

    [Theory]
    [InlineData("short pass1", "at least 12 characters")]
    [InlineData("password1234", "too easy to guess")]
    [InlineData("qwertyuiop123", "too easy to guess")]
    public async Task Register_WeakPassword_IsRefusedAndTheFormKeepsWhatWasTyped(string password, string message)
    {
        var client = factory.CreateBrowserClient();
        var email = NewEmail();

        var response = await client.PostFormAsync("/account/register", Registration(email, password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(Html.Errors(page), e => e.Contains(message));
        Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Kiri Tawhai", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Empty(factory.Mailbox.To(email));
    }

    [Fact]
    public async Task Register_LongPassphraseWithoutSymbols_IsAccepted()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.PostFormAsync("/account/register",
            Registration(NewEmail(), "tussock harbour lantern figs and a very long tail of words that keeps going"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordRepeatedly_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await client.SignInAsync(user.Email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(right)), e => e.Contains("locked"));

        var lockoutEnd = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!);
        });
        // Identity (before .NET 11) takes the lockout time from the system clock, not TimeProvider.
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task SignIn_UnknownEmailAndWrongPassword_GetTheSameAnswer()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();

        var unknown = Html.Errors(await Html.ParseAsync(await client.SignInAsync(NewEmail(), "whatever whatever")));
        var wrong = Html.Errors(await Html.ParseAsync(await client.SignInAsync(user.Email, "whatever whatever")));

        Assert.Equal(unknown, wrong);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/cases", "/cases")]
    public async Task SignIn_ReturnUrl_OnlyEverRedirectsLocally(string returnUrl, string expected)
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();

        var response = await client.SignInAsync(user.Email, user.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Location());
    }

    [Fact]
    public async Task SignIn_SetsAHostPrefixedSecureHttpOnlyLaxCookie()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();
        var loginPage = await client.GetAsync("/account/login");
        var antiforgery = loginPage.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-docket-af=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var response = await client.SignInAsync(user.Email, user.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-docket=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CookieReplay_AfterSignOut_IsRefused()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();
        var stolen = SessionCookie(await client.SignInAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/account/manage", stolen)).StatusCode);

        var signOut = await client.PostFormAsync("/account/manage", new Dictionary<string, string>(), formSelector: "form[action='/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await GetWithCookieAsync("/account/manage", stolen);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/account/login", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CookieReplay_AfterPasswordChange_IsRefusedOnOtherDevicesButThisOneStaysSignedIn()
    {
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        var laptop = factory.CreateBrowserClient();
        await laptop.SignInAsync(user.Email, user.Password);
        var phoneCookie = SessionCookie(await factory.CreateBrowserClient().SignInAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/account/manage", phoneCookie)).StatusCode);

        var changed = await laptop.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new passphrase for this",
            ["Input.ConfirmPassword"] = "a brand new passphrase for this",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync("/account/manage", phoneCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync(user.Email, "a brand new passphrase for this")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithTheWrongCurrentPassword_IsRefused()
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var response = await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password at all",
            ["Input.NewPassword"] = "a brand new passphrase for this",
            ["Input.ConfirmPassword"] = "a brand new passphrase for this",
        });

        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.Contains("current password is not right"));
    }

    [Fact]
    public async Task ForgotPassword_MailedLinkResetsThePasswordAndEndsSessions()
    {
        var (oldSession, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var client = factory.CreateBrowserClient();

        var asked = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = factory.Mailbox.LatestLinkTo(user.Email);
        Assert.StartsWith("/account/reset-password?code=", link);

        var reset = await client.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "recovered passphrase words",
            ["Input.ConfirmPassword"] = "recovered passphrase words",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/account/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, "recovered passphrase words")).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_AnswersTheSameAndSendsNothing()
    {
        var client = factory.CreateBrowserClient();
        var email = NewEmail();

        var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(factory.Mailbox.To(email));
    }

    [Fact]
    public async Task ChangeEmail_NeedsTheCurrentPasswordAndAConfirmationFromTheNewAddress()
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var newEmail = NewEmail();

        var wrong = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = "not my password at all",
        });
        Assert.Contains(Html.Errors(await Html.ParseAsync(wrong)), e => e.Contains("current password is not right"));
        Assert.Empty(factory.Mailbox.To(newEmail));

        var asked = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var link = factory.Mailbox.LatestLinkTo(newEmail);
        var confirmed = await client.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().SignInAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync(newEmail, user.Password)).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_WithThePassword_RemovesItAndSignsOut()
    {
        var (client, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var wrong = await client.PostFormAsync("/account/manage/delete", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var deleted = await client.PostFormAsync("/account/manage/delete", new Dictionary<string, string> { ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<BlogUser>>().FindByIdAsync(user.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task UpdateDisplayName_ShowsInTheHeaderStraightAway()
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var saved = await client.PostFormAsync("/account/manage", new Dictionary<string, string> { ["Input.DisplayName"] = "Renamed Reader" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await client.GetDocumentAsync("/account/manage");
        Assert.Equal("Renamed Reader", page.QuerySelector(".account-name")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/account/manage")]
    [InlineData("/account/manage/email")]
    [InlineData("/account/manage/password")]
    [InlineData("/account/manage/delete")]
    public async Task ManagePages_Anonymous_AreSentToSignIn(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    public async Task AccountPages_AreNeverCached(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task SignOut_ByGet_DoesNotSignOut()
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        await client.GetAsync("/account/logout");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
    }

    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-docket=", StringComparison.Ordinal))
            .Split(';')[0]["__Host-docket=".Length..];

    private Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookieValue)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"__Host-docket={cookieValue}");
        return client.SendAsync(request);
    }
}

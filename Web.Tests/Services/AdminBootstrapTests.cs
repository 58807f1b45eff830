using Blog.Web.Domain;
using Blog.Web.Infrastructure;
using Blog.Web.Services.Accounts;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Services;

public sealed class BootstrapAdminFactory() : BlogAppFactory(extra: new Dictionary<string, string?> { ["BootstrapAdmin:Email"] = "first-admin@example.test" });

public sealed class AdminBootstrapTests(BootstrapAdminFactory factory) : IClassFixture<BootstrapAdminFactory>
{
    private Task<IList<string>> RolesOfAsync(string email) => factory.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<BlogUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    });

    [Fact]
    public async Task EmptySite_HasNoAccountsAtAll()
    {
        await using var fresh = new EmptySiteFactory();
        fresh.CreateBrowserClient();
        Assert.Equal(0, await fresh.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task CreateAdmin_NewEmail_CreatesAConfirmedAdminWithAGeneratedPasswordThatSignsIn()
    {
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, "create-admin", ["boss@example.test"], output, new StringReader(""), CancellationToken.None);

        Assert.Equal(0, exit);
        var password = output.ToString().Split('\n').Single(l => l.StartsWith("Its password is: ", StringComparison.Ordinal))["Its password is: ".Length..].Trim();
        Assert.Equal([Roles.Admin], await RolesOfAsync("boss@example.test"));
        var signIn = await factory.CreateBrowserClient().SignInAsync("boss@example.test", password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_PasswordFromStdin_IsUsedAndNotPrinted()
    {
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, "create-admin", ["stdin-admin@example.test", "--password-stdin"], output,
            new StringReader("chosen admin passphrase here\n"), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("chosen admin passphrase", output.ToString());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync("stdin-admin@example.test", "chosen admin passphrase here")).StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_ExistingMember_IsPromotedAndTheirSessionsEnd()
    {
        var (client, member) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, "create-admin", [member.Email], output, new StringReader(""), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("already had an account", output.ToString());
        Assert.Equal([Roles.Admin], await RolesOfAsync(member.Email));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_WithoutAnEmail_ShowsUsage()
    {
        var output = new StringWriter();
        Assert.Equal(2, await CommandLine.RunAsync(factory.Services, "create-admin", [], output, new StringReader(""), CancellationToken.None));
        Assert.Contains("usage", output.ToString());
    }

    [Fact]
    public async Task ConfiguredAdminEmail_PromotesThatAccountOnceItExists()
    {
        await TestUsers.CreateAsync(factory, TestRole.Member, email: "first-admin@example.test");

        await factory.WithScopeAsync(sp => sp.GetRequiredService<AdminBootstrap>().PromoteConfiguredAdminAsync(CancellationToken.None));

        Assert.Equal([Roles.Admin], await RolesOfAsync("first-admin@example.test"));
    }
}

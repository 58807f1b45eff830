using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages.Admin;

/// <summary>The site always keeps an admin, and an admin does not lower their own rights by accident.</summary>
public sealed class LastAdminTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private static string Page(TestUser user) => $"/admin/users/{Uri.EscapeDataString(user.Id)}";

    private static Task<HttpResponseMessage> RemoveAdminAsync(HttpClient admin, TestUser user, string reason) =>
        admin.PostFormAsync(Page(user), new Dictionary<string, string> { ["reason"] = reason }, formSelector: "#role-admin form");

    private Task<bool> IsAdminAsync(TestUser user) => factory.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<BlogUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Admin);
    });

    [Fact]
    public async Task TheOnlyAdmin_CannotLoseTheRole_AndOneOfTwo_MustConfirm_KeepingThisSessionOnly()
    {
        var (first, firstUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var alone = await Html.ParseAsync(await RemoveAdminAsync(first, firstUser, "Handing over."));
        Assert.Contains("only admin", alone.QuerySelector("[role=alert]")!.TextContent);
        Assert.True(await IsAdminAsync(firstUser));

        var second = await TestUsers.CreateAsync(factory, TestRole.Member);
        var made = await first.PostFormAsync(Page(second), new Dictionary<string, string> { ["reason"] = "New editor-in-chief." }, formSelector: "#role-admin form");
        Assert.Equal(Page(second), made.Location());

        var otherDevice = factory.CreateBrowserClient();
        await otherDevice.SignInAsync(firstUser.Email, firstUser.Password);

        // Asked first: nothing changes until confirmed.
        var asked = await RemoveAdminAsync(first, firstUser, "Handing over.");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await Html.ParseAsync(asked);
        Assert.Contains("Remove your own Admin role?", confirmation.QuerySelector("#confirm h2")!.TextContent);
        Assert.True(await IsAdminAsync(firstUser));

        var confirmed = await first.PostAsync(Page(firstUser) + "?handler=role", new FormUrlEncodedContent(
            ((AngleSharp.Html.Dom.IHtmlFormElement)confirmation.QuerySelector("#confirm form")!).Elements
                .OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Name is not null)
                .Select(i => KeyValuePair.Create(i.Name!, i.Value))));
        Assert.Equal("/", confirmed.Location());
        Assert.False(await IsAdminAsync(firstUser));

        // This session stays signed in, without admin rights; the other device is signed out.
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/account/manage")).StatusCode);
        Assert.True(await IsAdminAsync(second));
    }
}

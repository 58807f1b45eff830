using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

/// <summary>Two instances of the site on one database: what one issues, the other reads.</summary>
public sealed class SharedKeysTests : IDisposable
{
    private readonly BlogAppFactory first = new();
    private readonly BlogAppFactory second;

    public SharedKeysTests() =>
        second = new BlogAppFactory(sameDatabaseAs: first);

    [Fact]
    public async Task ASessionSignedInOnOneInstance_IsHonouredByAnother_ThroughTheKeysInTheDatabase()
    {
        var user = await TestUsers.CreateAsync(first, TestRole.Member, displayName: "Shared Reader");
        var client = first.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, user.Password)).StatusCode);
        var cookie = (await client.GetAsync("/account/manage")).RequestMessage!.Headers.GetValues("Cookie").Single();
        Assert.Contains("__Host-docket=", cookie);

        var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/manage");
        request.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.Email, await response.Content.ReadAsStringAsync());
        // The key ring is in the shared database, not in a folder of one machine.
        var keys = await first.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}

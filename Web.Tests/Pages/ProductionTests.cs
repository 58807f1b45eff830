using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>The site as deployed: Production, with demo content switched on by mistake.</summary>
public sealed class ProductionSiteFactory : BlogAppFactory
{
    public ProductionSiteFactory()
        : base(seedDemo: true, environment: "Production", extra: new Dictionary<string, string?> { ["Site:BaseUrl"] = "https://docket.example" })
    {
        // A route that fails, to see what a visitor gets when something breaks.
        WithServices(services => services.AddSingleton<IStartupFilter, ThrowingRouteFilter>());
    }

    private sealed class ThrowingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-boom", branch => branch.Run(_ => throw new InvalidOperationException("boom for the test")));
        };
    }
}

public sealed class ProductionTests(ProductionSiteFactory factory) : IClassFixture<ProductionSiteFactory>
{
    [Fact]
    public async Task DemoContent_IsNeverSeededInProduction()
    {
        await factory.CreateBrowserClient().GetAsync("/");

        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@docket.test"))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task UnhandledError_ShowsAFriendlyPageWithoutAStackTrace()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/test-boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("ThrowingRouteFilter", body);
        Assert.DoesNotContain(" at ", body.Replace("\n", " ").Split("<main")[1].Split("</main>")[0]);
    }

    [Fact]
    public async Task Https_GetsStrictTransportSecurity()
    {
        var client = ClientFor("https://docket.example");

        var response = await client.GetAsync("/");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task ARequestNamingAnotherHost_IsRefused()
    {
        var client = ClientFor("https://attacker.example");

        var forged = await client.GetAsync("/account/forgot-password");
        var real = await factory.CreateBrowserClient().GetAsync("/account/forgot-password");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task TheTempDataCookie_IsHostPrefixedSecureAndHttpOnly()
    {
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var saved = await client.PostFormAsync("/account/manage", new Dictionary<string, string> { ["Input.DisplayName"] = "Renamed Reader" });

        var cookie = saved.Headers.GetValues("Set-Cookie").Single(c => c.Contains("docket-td", StringComparison.Ordinal));
        Assert.StartsWith("__Host-docket-td=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttp_IsSentToHttps_OrRefusedClearly_NeverA500()
    {
        var client = ClientFor("http://docket.example");

        var get = await client.GetAsync("/account/login?returnUrl=%2Fsubscribe");
        var post = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.test" }));

        Assert.Equal(HttpStatusCode.PermanentRedirect, get.StatusCode);
        Assert.Equal("https://docket.example/account/login?returnUrl=%2Fsubscribe", get.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("only over https", await post.Content.ReadAsStringAsync());
    }

    private HttpClient ClientFor(string address) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });
}

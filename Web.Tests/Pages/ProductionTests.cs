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
        : base(seedDemo: true, environment: "Production")
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

        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
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
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://docket.example"),
            AllowAutoRedirect = false,
        });

        var response = await client.GetAsync("/");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}

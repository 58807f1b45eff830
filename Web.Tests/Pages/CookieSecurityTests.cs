using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class HttpCookiesInProductionFactory() : BlogAppFactory(environment: "Production",
    extra: new Dictionary<string, string?> { ["Security:HttpsCookies"] = "false" });

public sealed class CookieSecurityTests(HttpCookiesInProductionFactory factory) : IClassFixture<HttpCookiesInProductionFactory>
{
    [Fact]
    public async Task Production_IgnoresARequestForPlainHttpCookies()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/account/login");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("docket-af="));
        Assert.StartsWith("__Host-docket-af=", antiforgery);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}

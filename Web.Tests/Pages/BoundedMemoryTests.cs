using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>Nothing a visitor sends grows memory without bound.</summary>
public sealed class BoundedMemoryTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private int KeptEntries => ((MemoryCache)factory.Services.GetRequiredService<IMemoryCache>()).Count;

    [Fact]
    public async Task UnknownSlugs_AndMadeUpPageNumbers_CreateNoKeptEntries()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await reader.GetAsync($"/articles/{slug}");
        await reader.GetAsync($"/articles/{slug}?page=1");
        var before = KeptEntries;

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/no-such-article-{i}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{slug}?page={1000 + i}")).StatusCode);
        }

        Assert.Equal(before, KeptEntries);
    }

    [Fact]
    public async Task TheOutputCache_KeepsRealPagesOnly()
    {
        await Discussions.PublishArticleAsync(factory);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false,
        });

        await anonymous.GetAsync("/");
        var real = await anonymous.GetAsync("/");
        await anonymous.GetAsync("/?page=99999");
        var madeUp = await anonymous.GetAsync("/?page=99999");

        Assert.True(real.Headers.Age is not null, "A real page is served from the output cache the second time.");
        Assert.Null(madeUp.Headers.Age);
    }

    [Fact]
    public void TheMemoryCache_HasASizeLimit()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MemoryCacheOptions>>().Value;
        var output = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>>().Value;

        Assert.Equal(Blog.Web.Infrastructure.KeptInMemory.EntryLimit, options.SizeLimit);
        Assert.Equal(64 * 1024 * 1024, output.SizeLimit);
    }
}

using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Blog.Web.Infrastructure.Caching;

namespace Blog.Web.Tests.Pages;

/// <summary>Nothing a visitor sends grows memory without bound.</summary>
public sealed class BoundedMemoryTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private int KeptEntries => ((MemoryCache)factory.Services.GetRequiredKeyedService<IMemoryCache>(CacheSetup.MemoryKey)).Count;

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
    public async Task TheSiteCache_StaysWithinItsBound_HoweverManyPagesAreKept()
    {
        using var small = new SmallCacheSiteFactory();
        var slugs = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            slugs.Add(await Discussions.PublishArticleAsync(small, body: new string('x', 60_000)));
        }

        var anonymous = small.CreateAnonymousClient();
        foreach (var slug in slugs)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/articles/{slug}")).StatusCode);
        }

        var memory = (MemoryCache)small.Services.GetRequiredKeyedService<IMemoryCache>(CacheSetup.MemoryKey);
        var size = memory.GetCurrentStatistics()!.CurrentEstimatedSize!.Value;
        // Twelve pages of well over 60 KB each, and their data, would not fit in the 1 MB bound: some were not kept.
        Assert.InRange(size, 1, 1024 * 1024);
    }
}

/// <summary>A site whose cache may hold one megabyte.</summary>
public sealed class SmallCacheSiteFactory() : BlogAppFactory(seedDemo: false, extra: new Dictionary<string, string?> { ["Cache:MemoryLimitMegabytes"] = "1" });

using System.Net;
using System.Net.Sockets;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Infrastructure.Limits;

/// <summary>
/// Burst limits counted in Redis: a reader who spreads posts over two instances behind the proxy meets the same limit
/// as one who stays on one; and when Redis is away the site still limits, on each instance, rather than failing.
/// </summary>
public sealed class ClientLimitsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static (BlogAppFactory First, BlogAppFactory Second) TwoInstances(string redisConnection, IDictionary<string, string?> limits)
    {
        var settings = new Dictionary<string, string?>(limits) { ["ConnectionStrings:Redis"] = redisConnection };
        var first = new BlogAppFactory(extra: settings);
        return (first, new BlogAppFactory(extra: settings, sameDatabaseAs: first));
    }

    [Fact]
    public async Task ThePostingLimit_CountsAReadersPostsOnEveryInstance()
    {
        redis.SkipIfUnavailable();
        var (first, second) = TwoInstances(redis.Connection, new Dictionary<string, string?> { ["Comments:PostsPerMinute"] = "2" });
        using (first)
        using (second)
        {
            var slug = await Discussions.PublishArticleAsync(first);
            var (onFirst, user) = await TestUsers.SignedInClientAsync(first, TestRole.Subscriber);
            var onSecond = second.CreateBrowserClient();
            Assert.Equal(HttpStatusCode.Redirect, (await onSecond.SignInAsync(user.Email, user.Password)).StatusCode);

            Assert.Equal(HttpStatusCode.Redirect, (await onFirst.CommentAsync(slug, "One, through the first instance.")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await onSecond.CommentAsync(slug, "Two, through the second instance.")).StatusCode);
            var refused = await onFirst.CommentAsync(slug, "Three, back on the first, kept when refused.");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Contains("faster than the site allows", page.QuerySelector("form.comment-form")!.TextContent);
            Assert.Equal("Three, back on the first, kept when refused.", page.QuerySelector("form.comment-form textarea")!.TextContent);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await onSecond.CommentAsync(slug, "Four, on the second.")).StatusCode);
        }
    }

    [Fact]
    public async Task TheAccountFormsLimit_CountsAnAddressOnEveryInstance()
    {
        redis.SkipIfUnavailable();
        var (first, second) = TwoInstances(redis.Connection, new Dictionary<string, string?> { ["Security:AccountPostsPerMinute"] = "3" });
        using (first)
        using (second)
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var instance in new[] { first, second, first, second })
            {
                statuses.Add((await instance.CreateBrowserClient().SignInAsync("nobody@example.test", "wrong wrong wrong")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
    }

    [Fact]
    public async Task WithRedisAway_EachInstanceStillLimits_AndPostsAreSaved()
    {
        var (first, second) = TwoInstances($"127.0.0.1:{ClosedPort()},connectTimeout=200", new Dictionary<string, string?> { ["Comments:PostsPerMinute"] = "2" });
        using (first)
        using (second)
        {
            var slug = await Discussions.PublishArticleAsync(first);
            var (reader, _) = await TestUsers.SignedInClientAsync(first, TestRole.Subscriber);

            Assert.Equal(HttpStatusCode.Redirect, (await reader.CommentAsync(slug, "Saved while Redis is away.")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await reader.CommentAsync(slug, "Also saved while Redis is away.")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.CommentAsync(slug, "One too many, even so.")).StatusCode);
            Assert.Equal(2, await first.WithDbAsync(db => Task.FromResult(db.Comments.Count(c => c.Body.Contains("while Redis is away")))));
        }
    }

    /// <summary>A loopback port nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Net;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages;

public sealed class LoadSiteFactory() : BlogAppFactory;

/// <summary>Fifty readers post at once: every comment the site acknowledged is stored exactly once, and none gets a 5xx.</summary>
public sealed class ConcurrentPostingTests(LoadSiteFactory factory) : IClassFixture<LoadSiteFactory>
{
    private const int Posters = 50;
    private const int CommentsEach = 20;

    [Fact]
    public async Task FiftyPostersTimesTwenty_EveryAcknowledgedCommentIsStoredOnce_AndNoServerErrors()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var posters = await Task.WhenAll(Enumerable.Range(0, Posters).Select(_ => TestUsers.SignedInClientAsync(factory, TestRole.Subscriber)));
        var acknowledged = new ConcurrentBag<(long Id, string Body)>();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Task.WhenAll(posters.Select(async (poster, n) =>
        {
            // One page for the form's token; each post then carries a fresh idempotency key, as a new form would.
            var token = Html.AntiforgeryToken(await poster.Client.GetDocumentAsync($"/articles/{slug}"), "form.comment-form");
            for (var i = 0; i < CommentsEach; i++)
            {
                var body = $"load {n:D2}-{i:D2}: a point about the ruling.";
                var response = await poster.Client.PostAsync($"/articles/{slug}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(), ["command"] = "post", ["__RequestVerificationToken"] = token,
                }));
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split("#comment-") is [_, var id])
                {
                    acknowledged.Add((long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), body));
                }
            }
        }));

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.Equal(Posters * CommentsEach, acknowledged.Count);
        var stored = await factory.WithDbAsync(db => db.Comments.Where(c => c.Body.StartsWith("load ")).Select(c => new { c.Id, c.Body }).ToListAsync());
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Equal(acknowledged.OrderBy(a => a.Id).Select(a => (a.Id, a.Body)), stored.OrderBy(s => s.Id).Select(s => (s.Id, s.Body)));
        if (!TestDatabase.OnPostgres)
        {
            Assert.Equal("ok", await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).ContinueWith(t => t.Result.Single()));
        }
    }
}

using System.Diagnostics;
using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Deploy;

/// <summary>
/// The cluster a newsroom would run, started by deploy/cluster.sh: Redis, two instances on one database, nginx in
/// front, on the database the suite runs on. Without redis-server or nginx these tests are skipped, except under CI=true, where that is a failure.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "docket-cluster-tests", Guid.NewGuid().ToString("N"));

    public string? Unavailable { get; private set; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<Uri> Instances { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists("/usr/bin/redis-server") || !File.Exists("/usr/sbin/nginx"))
        {
            Unavailable = "redis-server and nginx are needed (apt-get install redis-server nginx).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(Unavailable + " The cluster tests may not be skipped in CI.");
            }

            return;
        }

        var output = await RunAsync("up");
        Url = new Uri(output.Single(l => l.StartsWith("url: ", StringComparison.Ordinal))[5..]);
        Instances = output.Where(l => l.StartsWith("instance: ", StringComparison.Ordinal)).Select(l => new Uri(l[10..])).ToList();
    }

    /// <summary>The errors an instance logged, for a failure's message: its process is not the test's.</summary>
    public string ErrorsOf(int instance)
    {
        var log = Path.Combine(directory, $"instance{instance + 1}.log");
        return File.Exists(log)
            ? string.Join("\n", File.ReadLines(log).SkipWhile(l => !l.StartsWith("fail:", StringComparison.Ordinal)).Take(40))
            : "(no log)";
    }

    /// <summary>Stops one instance (by the PID the script recorded), as a crash would.</summary>
    public void Kill(int instance)
    {
        var line = File.ReadAllLines(Path.Combine(directory, "pids")).Single(l => l.StartsWith($"instance{instance + 1} ", StringComparison.Ordinal));
        using var process = Process.GetProcessById(int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        process.Kill();
        process.WaitForExit();
    }

    private async Task<string[]> RunAsync(string verb)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy/cluster.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CLUSTER_DIR"] = directory;
        // The cluster runs on the database the suite runs on.
        start.Environment["CLUSTER_DATABASE"] = TestDatabase.OnPostgres ? "postgres" : "sqlite";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {verb} failed: {await stdout} {await stderr}");
        }

        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        if (Unavailable is null)
        {
            await RunAsync("down");
            Directory.Delete(directory, recursive: true);
        }
    }
}

public sealed class ClusterTests(Cluster cluster) : IClassFixture<Cluster>
{
    private static HttpClient Client(Uri address, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null, AllowAutoRedirect = false })
        {
            BaseAddress = address,
        };

    /// <summary>A demo article the demo subscriber may comment on.</summary>
    private static async Task<string> OpenArticleAsync(HttpClient reader)
    {
        var home = await reader.GetDocumentAsync("/");
        foreach (var link in home.QuerySelectorAll("a[href^='/articles/']").Select(a => a.GetAttribute("href")!).Distinct())
        {
            if ((await reader.GetDocumentAsync(link)).QuerySelector("form.comment-form") is not null)
            {
                return link;
            }
        }

        throw new InvalidOperationException("No demo article open for comments.");
    }

    [Fact]
    public async Task TwoInstancesBehindNginx_ServeOneSite()
    {
        Assert.SkipWhen(cluster.Unavailable is not null, cluster.Unavailable ?? "");
        var (one, two) = (cluster.Instances[0], cluster.Instances[1]);
        var jar = new CookieContainer();
        var subscriberOnOne = Client(one, jar);
        var subscriberOnTwo = Client(two, jar);
        var signedIn = await subscriberOnOne.SignInAsync("sam@docket.test", "demo subscriber passphrase");
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in on instance one answered {(int)signedIn.StatusCode}; its log:\n{cluster.ErrorsOf(0)}");
        var article = await OpenArticleAsync(subscriberOnTwo);
        var anonymousOnOne = Client(one);
        var anonymousOnTwo = Client(two);
        foreach (var reader in new[] { anonymousOnOne, anonymousOnTwo })
        {
            await reader.GetAsync(article);
            Assert.NotNull((await reader.GetAsync(article)).Headers.Age);
        }

        // Signed in through the first instance, posting through the second: on both at once, kept pages included.
        var posted = await subscriberOnTwo.CommentAsync(article["/articles/".Length..], "CLUSTER-POSTED through the second instance");
        var id = Discussions.CommentIdFrom(posted);
        foreach (var reader in new[] { anonymousOnOne, anonymousOnTwo, subscriberOnOne })
        {
            Assert.Contains("CLUSTER-POSTED", await reader.GetStringAsync(article));
        }

        // An edit through the first, seen through the second.
        await subscriberOnOne.PostFormAsync($"/comments/{id}/edit", new Dictionary<string, string> { ["Input.Body"] = "CLUSTER-EDITED wording", ["command"] = "post" });
        Assert.Contains("CLUSTER-EDITED", await anonymousOnTwo.GetStringAsync(article));
        Assert.Contains("CLUSTER-EDITED", await anonymousOnOne.GetStringAsync(article));

        // A takedown by an editor on the second instance: gone from the kept pages of both.
        var editor = Client(two, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync("editor@docket.test", "demo editor passphrase")).StatusCode);
        var moderation = await editor.GetDocumentAsync($"/moderation/comments/{id}");
        var reject = moderation.QuerySelector("button[data-action='reject']")!.GetAttribute("formaction")!;
        var takenDown = await editor.PostFormAsync($"/moderation/comments/{id}", new Dictionary<string, string> { [$"reason-{id}"] = "defamation" },
            postUrl: reject, formSelector: "form.queue");
        Assert.Equal(HttpStatusCode.Redirect, takenDown.StatusCode);
        Assert.DoesNotContain("CLUSTER-EDITED", await anonymousOnOne.GetStringAsync(article));
        Assert.DoesNotContain("CLUSTER-EDITED", await anonymousOnTwo.GetStringAsync(article));

        // Signed out on the first instance: the same cookie is refused by the second at once.
        Assert.Equal(HttpStatusCode.OK, (await subscriberOnTwo.GetAsync("/account/manage")).StatusCode);
        var stolen = jar.GetCookieHeader(one);
        await subscriberOnOne.PostFormAsync("/account/manage", new Dictionary<string, string>(), postUrl: "/account/logout", formSelector: "form[action='/account/logout']");
        var replay = new HttpRequestMessage(HttpMethod.Get, "/account/manage");
        replay.Headers.Add("Cookie", stolen);
        var refused = await Client(two).SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString);

        // One instance dies; nginx keeps serving from the other.
        cluster.Kill(0);
        var throughNginx = Client(cluster.Url);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await throughNginx.GetAsync(article)).StatusCode);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

// Posts comments through the real form as N signed-in subscribers for a fixed time, carrying the antiforgery
// token and idempotency key each page gives it, and records every comment the site acknowledged, each as it arrives
// (one JSON line per acknowledgement in OUTPUT_JSON.acks), so a record survives whatever happens next. A dropped
// connection (the server killed, restarting) is counted and the poster signs in again and carries on.
// With INTERVAL_MS, each poster waits that long between posts (a steady trickle beside another load, its comments
// marked bench-trickle rather than bench-post), and OUTPUT_JSON.ready is written once the first is acknowledged, so
// the other load can start when the trickle already runs.
// usage: LoadClient BASE_URL ARTICLE_SLUG ACCOUNTS_JSON PASSWORD POSTERS SECONDS OUTPUT_JSON [INTERVAL_MS]
var (baseUrl, slug, accountsFile, password) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
var posters = int.Parse(args[4]);
var seconds = int.Parse(args[5]);
var output = args[6];
var interval = args.Length > 7 ? TimeSpan.FromMilliseconds(int.Parse(args[7])) : TimeSpan.Zero;
// A trickle's comments differ from one run to the next (the same text again from the same reader is refused).
// What each comment begins with (a warm-up names its own, so the measured posts can be counted apart).
var mark = args.Length > 8 ? args[8] : interval > TimeSpan.Zero ? $"bench-trickle {DateTime.UtcNow:HHmmssfff}" : "bench-post";
var emails = JsonSerializer.Deserialize<string[]>(File.ReadAllText(accountsFile))!.Take(posters).ToArray();
var token = new Regex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
var key = new Regex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"");

var jars = new System.Collections.Concurrent.ConcurrentDictionary<HttpClient, CookieContainer>();

HttpClient NewClient()
{
    var jar = new CookieContainer();
    var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    // The site runs behind a TLS-terminating proxy in production; the benchmark speaks as that proxy.
    client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
    jars[client] = jar;
    return client;
}

// The site's cookies are Secure (it believes it is behind https), so they are kept here by hand, not by a
// handler that would refuse to send them over plain http.
async Task<HttpResponseMessage> Send(HttpClient client, HttpRequestMessage request)
{
    var jar = jars[client];
    var header = jar.GetCookieHeader(client.BaseAddress!);
    if (header.Length > 0)
    {
        request.Headers.Add("Cookie", header);
    }

    var response = await client.SendAsync(request);
    if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
    {
        foreach (var cookie in cookies)
        {
            jar.SetCookies(client.BaseAddress!, cookie.Replace("; secure", "", StringComparison.OrdinalIgnoreCase));
        }
    }

    return response;
}

var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(long Id, string Body)>();
var acks = new StreamWriter(output + ".acks", append: false) { AutoFlush = true };
var acksLock = new object();
var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
var attempts = 0;
var stopwatch = Stopwatch.StartNew();
var deadline = DateTime.UtcNow.AddSeconds(seconds);

async Task<HttpClient?> SignInAsync(string email)
{
    var client = NewClient();
    var login = await (await Send(client, new HttpRequestMessage(HttpMethod.Get, "/account/login"))).Content.ReadAsStringAsync();
    var signIn = await Send(client, new HttpRequestMessage(HttpMethod.Post, "/account/login")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token.Match(login).Groups[1].Value,
        }),
    });
    return signIn.StatusCode == HttpStatusCode.Redirect ? client : null;
}

await Task.WhenAll(emails.Select(async (email, n) =>
{
    HttpClient? client = null;
    var sequence = 0;
    var nextAt = TimeSpan.Zero;
    string? page = null;
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            client ??= await SignInAsync(email);
            if (client is null)
            {
                errors.AddOrUpdate("sign-in", 1, (_, c) => c + 1);
                return;
            }

            // A trickle reads the article's form once (its antiforgery token holds for the session) and posts with
            // fresh keys, so what it adds to the other load is the posting, not drawing the page again.
            page = interval > TimeSpan.Zero && page is not null ? page
                : await (await Send(client, new HttpRequestMessage(HttpMethod.Get, $"/articles/{slug}"))).Content.ReadAsStringAsync();
            // A steady rate, whatever each post takes: the next one is due an interval after the last was due.
            if (interval > TimeSpan.Zero && nextAt - stopwatch.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            nextAt += interval;

            var body = $"{mark} {n:D3}-{sequence++:D5}: a point about the ruling.";
            Interlocked.Increment(ref attempts);
            var response = await Send(client, new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}?handler=comment")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Body"] = body, ["Input.IdempotencyKey"] = interval > TimeSpan.Zero ? Guid.NewGuid().ToString() : key.Match(page).Groups[1].Value, ["command"] = "post",
                    ["__RequestVerificationToken"] = token.Match(page).Groups[1].Value,
                }),
            });
            var location = response.Headers.Location?.OriginalString ?? "";
            var anchor = location.IndexOf("#comment-", StringComparison.Ordinal);
            if (response.StatusCode == HttpStatusCode.Redirect && anchor >= 0)
            {
                var id = long.Parse(location[(anchor + 9)..]);
                acknowledged.Add((id, body));
                if (interval > TimeSpan.Zero && acknowledged.Count == 1)
                {
                    File.WriteAllText(output + ".ready", "");
                }
                lock (acksLock)
                {
                    acks.WriteLine(JsonSerializer.Serialize(new { id, body }));
                }
            }
            else
            {
                errors.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, c) => c + 1);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server went away mid-request: what it did not acknowledge is not counted; sign in afresh.
            errors.AddOrUpdate("connection", 1, (_, c) => c + 1);
            client = null;
            page = null;
            await Task.Delay(200);
        }
    }
}));

var elapsed = stopwatch.Elapsed.TotalSeconds;
File.WriteAllText(output, JsonSerializer.Serialize(new
{
    posters = emails.Length,
    seconds = Math.Round(elapsed, 1),
    attempts,
    acknowledged = acknowledged.Count,
    postsPerSecond = Math.Round(acknowledged.Count / elapsed, 1),
    errors,
    comments = acknowledged.Select(a => new { id = a.Id, body = a.Body }).ToArray(),
}));
acks.Dispose();
Console.WriteLine($"posted {acknowledged.Count} of {attempts} in {elapsed:F1}s with {emails.Length} posters; errors: {JsonSerializer.Serialize(errors)}");

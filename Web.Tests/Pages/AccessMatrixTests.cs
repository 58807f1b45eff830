using System.Net;
using System.Reflection;
using Blog.Web.Data;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

/// <summary>
/// Every page, for every kind of visitor, with the answer each should get. The pages are read from the app's own
/// endpoint data source, so a new page without a row here fails the test until someone decides who may open it.
/// </summary>
public sealed class AccessMatrixTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    // What a visitor gets: a page (OK), a redirect to sign in (Login), a refusal for their role (Denied), a redirect
    // elsewhere (Redirect), or Not found (for an address whose thing does not exist for them).
    private const string OK = "200", Login = "login", Denied = "denied", Redirect = "302", NotFound = "404", Forbidden = "403";

    private sealed record Row(string Sample, string Anonymous, string Member, string Subscriber, string Editor, string Admin)
    {
        public string For(int role) => role switch { 0 => Anonymous, 1 => Member, 2 => Subscriber, 3 => Editor, _ => Admin };
    }

    private static readonly string[] RoleNames = ["anonymous", "member", "subscriber", "editor", "admin"];

    /// <summary>Route template → a sample address and the answer for anonymous, member, subscriber, editor, admin.</summary>
    private static readonly Dictionary<string, Row> Matrix = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = new("/", OK, OK, OK, OK, OK),
        ["Index"] = new("/Index", OK, OK, OK, OK, OK),
        ["about"] = new("/about", OK, OK, OK, OK, OK),
        ["privacy"] = new("/privacy", OK, OK, OK, OK, OK),
        ["complaints"] = new("/complaints", OK, OK, OK, OK, OK),
        ["search"] = new("/search?q=court", OK, OK, OK, OK, OK),
        ["cases"] = new("/cases", OK, OK, OK, OK, OK),
        ["cases/{slug}"] = new("/cases/{case}", OK, OK, OK, OK, OK),
        ["tags/{slug}"] = new("/tags/{tag}", OK, OK, OK, OK, OK),
        ["authors/{slug}"] = new("/authors/{author}", OK, OK, OK, OK, OK),
        ["articles/{slug}"] = new("/articles/{article}", OK, OK, OK, OK, OK),
        ["articles/{slug}/comments"] = new("/articles/{article}/comments", OK, OK, OK, OK, OK),
        ["comments/{id:long}"] = new("/comments/{comment}", OK, OK, OK, OK, OK),
        ["comments/{id:long}/reply"] = new("/comments/{comment}/reply", OK, OK, OK, OK, OK),
        ["comments/{id:long}/report"] = new("/comments/{comment}/report", Login, OK, OK, OK, OK),
        ["comments/{id:long}/recommend"] = new("/comments/{comment}/recommend", Login, Redirect, Redirect, Redirect, Redirect),
        // Someone else's comment: not theirs to edit or delete.
        ["comments/{id:long}/edit"] = new("/comments/{comment}/edit", Login, NotFound, NotFound, NotFound, NotFound),
        ["comments/{id:long}/delete"] = new("/comments/{comment}/delete", Login, NotFound, NotFound, NotFound, NotFound),
        // A legal complaint needs no account; its receipt page answers only for a reference's shape.
        ["comments/{id:long}/complaint"] = new("/comments/{comment}/complaint", OK, OK, OK, OK, OK),
        ["complaints/received/{reference:length(13)}"] = new("/complaints/received/LC-ABCDEFGHJK", OK, OK, OK, OK, OK),
        ["transparency"] = new("/transparency", OK, OK, OK, OK, OK),
        ["subscribe"] = new("/subscribe", OK, OK, OK, OK, OK),
        ["subscribe/success"] = new("/subscribe/success", OK, OK, OK, OK, OK),
        ["subscribe/cancelled"] = new("/subscribe/cancelled", OK, OK, OK, OK, OK),
        ["error/{code:int?}"] = new("/error/404", NotFound, NotFound, NotFound, NotFound, NotFound),
        ["Account/Login"] = new("/account/login", OK, OK, OK, OK, OK),
        ["Account/Register"] = new("/account/register", OK, OK, OK, OK, OK),
        ["Account/Logout"] = new("/account/logout", Login, OK, OK, OK, OK),
        // The refusal page itself answers 403, so the refusal is in the status too.
        ["account/access-denied"] = new("/account/access-denied", Forbidden, Forbidden, Forbidden, Forbidden, Forbidden),
        ["account/confirm-email"] = new("/account/confirm-email?userId=x&code=y", OK, OK, OK, OK, OK),
        ["account/confirm-email-change"] = new("/account/confirm-email-change?userId=x&email=a@example.test&code=y", OK, OK, OK, OK, OK),
        ["account/forgot-password"] = new("/account/forgot-password", OK, OK, OK, OK, OK),
        ["account/register-confirmation"] = new("/account/register-confirmation", OK, OK, OK, OK, OK),
        ["account/resend-confirmation"] = new("/account/resend-confirmation", OK, OK, OK, OK, OK),
        ["account/reset-password"] = new("/account/reset-password?code=abc", OK, OK, OK, OK, OK),
        ["account/manage"] = new("/account/manage", Login, OK, OK, OK, OK),
        ["account/manage/email"] = new("/account/manage/email", Login, OK, OK, OK, OK),
        ["account/manage/password"] = new("/account/manage/password", Login, OK, OK, OK, OK),
        ["account/manage/delete"] = new("/account/manage/delete", Login, OK, OK, OK, OK),
        ["account/manage/subscription"] = new("/account/manage/subscription", Login, OK, OK, OK, OK),
        ["account/complaints/{reference?}"] = new("/account/complaints", Login, OK, OK, OK, OK),
        ["account/decisions/{id:long?}"] = new("/account/decisions", Login, OK, OK, OK, OK),
        ["editor"] = new("/editor", Login, Denied, Denied, OK, OK),
        ["/editor/articles/new"] = new("/editor/articles/new", Login, Denied, Denied, OK, OK),
        ["editor/articles/{id:int}/edit"] = new("/editor/articles/{articleId}/edit", Login, Denied, Denied, OK, OK),
        ["editor/cases"] = new("/editor/cases", Login, Denied, Denied, OK, OK),
        ["/editor/cases/new"] = new("/editor/cases/new", Login, Denied, Denied, OK, OK),
        ["editor/cases/{id:int}/edit"] = new("/editor/cases/{caseId}/edit", Login, Denied, Denied, OK, OK),
        ["moderation"] = new("/moderation", Login, Denied, Denied, OK, OK),
        ["moderation/log"] = new("/moderation/log", Login, Denied, Denied, OK, OK),
        ["moderation/orders"] = new("/moderation/orders", Login, Denied, Denied, OK, OK),
        ["moderation/legal"] = new("/moderation/legal", Login, Denied, Denied, OK, OK),
        ["moderation/appeals"] = new("/moderation/appeals", Login, Denied, Denied, OK, OK),
        ["moderation/complaints/{id:long}"] = new("/moderation/complaints/999999", Login, Denied, Denied, NotFound, NotFound),
        // Admins keep the word lists.
        ["moderation/words"] = new("/moderation/words", Login, Denied, Denied, Denied, OK),
        ["moderation/articles/{id:int}"] = new("/moderation/articles/{articleId}", Login, Denied, Denied, OK, OK),
        ["moderation/comments/{id:long}"] = new("/moderation/comments/{comment}", Login, Denied, Denied, OK, OK),
        ["moderation/users/{id}"] = new("/moderation/users/{user}", Login, Denied, Denied, OK, OK),
        ["admin"] = new("/admin", Login, Denied, Denied, Denied, OK),
        ["admin/ads"] = new("/admin/ads", Login, Denied, Denied, Denied, OK),
        ["admin/ads/{id:int}"] = new("/admin/ads/{ad}", Login, Denied, Denied, Denied, OK),
        // An ad's counter and its link: anyone, and nobody is asked who they are.
        ["ads/{id:int}/seen"] = new("/ads/{ad}/seen", OK, OK, OK, OK, OK),
        ["ads/{id:int}/go"] = new("/ads/{ad}/go", Redirect, Redirect, Redirect, Redirect, Redirect),
        // A picture's file: anyone (a made-up one is not found).
        ["media/{id}/{width:int}.webp"] = new("/media/00000000000000000000000000000000/480.webp", NotFound, NotFound, NotFound, NotFound, NotFound),
        ["admin/gift-codes"] = new("/admin/gift-codes", Login, Denied, Denied, Denied, OK),
        ["admin/settings"] = new("/admin/settings", Login, Denied, Denied, Denied, OK),
        ["admin/gift-codes/{id:int}"] = new("/admin/gift-codes/{giftCode}", Login, Denied, Denied, Denied, OK),
        ["admin/users/{id}"] = new("/admin/users/{user}", Login, Denied, Denied, Denied, OK),
    };

    /// <summary>Handlers that ask more than their page: anyone may compare plans, only a signed-in reader buys or redeems.</summary>
    private static readonly Dictionary<(string Template, string? Handler), Row> HandlerMatrix = new()
    {
        [("subscribe", "Redeem")] = new("/subscribe", Login, OK, OK, OK, OK),
        [("subscribe", "Checkout")] = new("/subscribe", Login, OK, OK, OK, OK),
    };

    private IReadOnlyList<string> PageTemplates() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "").Distinct().OrderBy(t => t).ToList();

    [Fact]
    public void EveryPage_HasARowInTheMatrix()
    {
        var missing = PageTemplates().Where(t => !Matrix.ContainsKey(t)).ToList();
        var stale = Matrix.Keys.Where(k => !PageTemplates().Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.True(missing.Count == 0, $"Pages with no row in the access matrix: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Rows for pages that no longer exist: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task EveryPage_AnswersEachRoleAsTheMatrixSays()
    {
        var samples = await SamplesAsync();
        var clients = new List<HttpClient> { factory.CreateBrowserClient() };
        foreach (var role in new[] { TestRole.Member, TestRole.Subscriber, TestRole.Editor, TestRole.Admin })
        {
            clients.Add((await TestUsers.SignedInClientAsync(factory, role)).Client);
        }

        var wrong = new List<string>();
        foreach (var (template, row) in Matrix)
        {
            var url = samples.Aggregate(row.Sample, (u, s) => u.Replace($"{{{s.Key}}}", s.Value, StringComparison.Ordinal));
            for (var role = 0; role < clients.Count; role++)
            {
                var response = await clients[role].GetAsync(url);
                var got = Describe(response);
                if (got != row.For(role))
                {
                    wrong.Add($"{RoleNames[role]} GET {url} ({template}): expected {row.For(role)}, got {got}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void EveryPostHandler_IsCoveredByAntiforgery_AndNoPageOptsOut()
    {
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pageModels);
        foreach (var type in pageModels)
        {
            Assert.False(type.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true), $"{type.Name} opts out of antiforgery.");
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                Assert.False(method.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true), $"{type.Name}.{method.Name} opts out of antiforgery.");
            }
        }

        // GET handlers only read: a named GET handler (?handler=...) would be an action a link could trigger.
        var getHandlers = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>()).OfType<CompiledPageActionDescriptor>()
            .SelectMany(d => d.HandlerMethods.Where(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is not null)
                .Select(h => $"{d.ViewEnginePath}:{h.Name}"))
            .ToList();
        Assert.Empty(getHandlers);
    }

    [Fact]
    public async Task EveryPostHandler_WithoutAToken_IsRefused_AndChangesNothing()
    {
        var samples = await SamplesAsync();
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var before = await factory.WithDbAsync(db => Task.FromResult((db.Comments.Count(), db.ModerationDecisions.Count(), db.Articles.Count(), db.Users.Count())));
        var descriptors = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>())).Where(x => x.Page is not null).ToList();
        var posts = 0;
        foreach (var (endpoint, page) in descriptors)
        {
            var template = endpoint.RoutePattern.RawText ?? "";
            if (!Matrix.TryGetValue(template, out var row))
            {
                continue;
            }

            foreach (var handler in page!.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
            {
                var url = samples.Aggregate(row.Sample.Split('?')[0], (u, s) => u.Replace($"{{{s.Key}}}", s.Value, StringComparison.Ordinal))
                    + (handler.Name is null ? "" : $"?handler={handler.Name}");
                var response = await editor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = samples["comment"] }));
                posts++;
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without a token answered {(int)response.StatusCode}.");
            }
        }

        Assert.True(posts > 20, $"Only {posts} post handlers were found.");
        var after = await factory.WithDbAsync(db => Task.FromResult((db.Comments.Count(), db.ModerationDecisions.Count(), db.Articles.Count(), db.Users.Count())));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task EveryPostHandler_AnswersEachRoleAsItsPageDoes()
    {
        // A handler is refused to exactly the visitors its page refuses (the same answer: sign in, or not allowed), and
        // never answers anyone with a server error. Posted with a valid token and an empty or minimal form; sign-out last.
        var samples = await SamplesAsync();
        var handlers = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText ?? "", Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(x => x.Page is not null && Matrix.ContainsKey(x.Template))
            .SelectMany(x => x.Page!.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => (x.Template, Handler: h.Name)))
            .Distinct()
            .OrderBy(h => h.Template.Contains("logout", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(handlers.Count > 20, $"Only {handlers.Count} post handlers were found.");
        var wrong = new List<string>();
        for (var role = 0; role < RoleNames.Length; role++)
        {
            var client = role == 0 ? factory.CreateBrowserClient()
                : (await TestUsers.SignedInClientAsync(factory, new[] { TestRole.Member, TestRole.Subscriber, TestRole.Editor, TestRole.Admin }[role - 1])).Client;
            var token = Html.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));
            foreach (var (template, handler) in handlers)
            {
                var row = HandlerMatrix.TryGetValue((template, handler), out var special) ? special : Matrix[template];
                var url = samples.Aggregate(row.Sample.Split('?')[0], (u, s) => u.Replace($"{{{s.Key}}}", s.Value, StringComparison.Ordinal))
                    + (handler is null ? "" : $"?handler={handler}");
                var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["id"] = samples["comment"],
                }));
                var got = Describe(response);
                var expected = row.For(role) is Login or Denied ? row.For(role) : "allowed";
                var ok = expected == "allowed" ? got is not (Login or Denied) && (int)response.StatusCode < 500 : got == expected;
                if (!ok)
                {
                    wrong.Add($"{RoleNames[role]} POST {url}: expected {expected}, got {got}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Describe(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) ? Login
                : location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) ? Denied
                : Redirect;
        }

        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, string>> SamplesAsync() => await factory.WithDbAsync(async db =>
    {
        var article = await db.Articles.Where(a => a.Visibility == Blog.Web.Domain.ArticleVisibility.Everyone && a.Comments.Any())
            .Select(a => new { a.Id, a.Slug, a.CaseId, AuthorSlug = a.Author!.AuthorSlug }).FirstAsync();
        var comment = await db.Comments.Where(c => c.ArticleId == article.Id && (c.Status == Blog.Web.Domain.CommentStatus.Published || c.Status == Blog.Web.Domain.CommentStatus.Approved))
            .Select(c => new { c.Id, c.AuthorId }).FirstAsync();
        var tag = await db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Tags).Select(t => t.Slug).FirstOrDefaultAsync()
            ?? await db.Tags.Select(t => t.Slug).FirstAsync();
        var caseRecord = await db.Cases.Select(c => new { c.Id, c.Slug }).FirstAsync();
        var giftCode = await db.GiftCodes.Select(g => g.Id).FirstAsync();
        var ad = await db.Ads.Where(a => a.LinkUrl.StartsWith("/")).Select(a => a.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["article"] = article.Slug,
            ["articleId"] = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["comment"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ad"] = ad.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["user"] = comment.AuthorId,
            ["author"] = article.AuthorSlug ?? "",
            ["tag"] = tag,
            ["case"] = caseRecord.Slug,
            ["caseId"] = caseRecord.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["giftCode"] = giftCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    });
}

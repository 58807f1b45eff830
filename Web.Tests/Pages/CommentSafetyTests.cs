using System.Text.Json;
using AngleSharp.Dom;
using Blog.Web.Services;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

public sealed class CommentSafetyTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private static readonly IReadOnlyList<string> Blns =
        JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpora", "blns.json")))!;

    private static readonly string[] MarkdownVectors =
    [
        "[x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](https://a.example){onclick=alert(1)}",
        "[x](vbscript:msgbox(1))",
        "![i](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](java\tscript:alert(1))",
        "[x]( javascript:alert(1) \"t\")",
    ];

    [Fact]
    public void Blns_EveryStringRendersInertWithoutThrowing()
    {
        var renderer = new MarkdownRenderer();
        Assert.True(Blns.Count > 400);
        foreach (var naughty in Blns)
        {
            AssertInert(new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{renderer.RenderComment(naughty)}</body>").Body!, naughty);
        }
    }

    [Fact]
    public async Task XssVectors_PostedThroughTheForm_AreInertOnThePage()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var scriptLike = Blns.Where(s => s.Contains('<') || s.Contains("javascript", StringComparison.OrdinalIgnoreCase)).Take(40);
        var ids = new List<long>();
        // The flood rule refuses the same text twice in a row, so each vector is posted once.
        var vectors = MarkdownVectors.Concat(scriptLike).Where(v => v.Trim().Length > 0)
            .DistinctBy(v => string.Join(' ', v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());
        foreach (var vector in vectors)
        {
            var response = await client.CommentAsync(slug, vector);
            ids.Add(Discussions.CommentIdFrom(response));
        }

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}");
        foreach (var id in ids)
        {
            AssertInert(page.QuerySelector($"#comment-{id} .comment-text")!, $"comment {id}");
        }
    }

    [Theory]
    [InlineData("Plain words, nothing more.")]
    [InlineData("Ngā mihi — “quoted” 5 > 3 & 2 < 4 日本語 ✓")]
    public async Task PlainText_RoundTripsExactlyThroughTheForm(string text)
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var id = Discussions.CommentIdFrom(await client.CommentAsync(slug, text));

        var page = await client.GetDocumentAsync($"/articles/{slug}");
        Assert.Equal(text, page.QuerySelector($"#comment-{id} .comment-text")!.TextContent.Trim());
        Assert.Equal(text, (await Discussions.LoadCommentAsync(factory, id)).Body);
    }

    [Fact]
    public async Task EveryPostFormOnTheArticlePage_CarriesAnAntiforgeryToken()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        await author.CommentAsync(slug, "Something to recommend");
        var (reader, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var page = await reader.GetDocumentAsync($"/articles/{slug}");
        var forms = page.QuerySelectorAll("form[method=post]").ToList();

        // Sign out, the comment box, and the one form every Recommend button submits.
        Assert.True(forms.Count >= 3, $"only {forms.Count} forms");
        Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        var buttons = page.QuerySelectorAll("button[form]").ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Contains(page.GetElementById(b.GetAttribute("form")!), forms));
    }

    private static void AssertInert(IElement root, string source)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, new[] { "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a" });
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, new[] { "href", "rel" });
                if (attribute.Name == "href")
                {
                    Assert.Matches("^(https?:|mailto:|#|/|[^:]*$)", attribute.Value);
                }
            }
        }

        _ = source;
    }
}

using AngleSharp.Html.Parser;
using Blog.Web.Services;

namespace Blog.Web.Tests.Services;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> XssVectors =>
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml,<svg onload=alert(1)>)",
        "[x](https://a.example){onclick=alert(1)}",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<svg><script>alert(1)</script></svg>",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "<style>body{display:none}</style>",
        "<form action=https://evil.example><input name=x></form>",
    ];

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void RenderComment_XssVector_IsInert(string markdown) => AssertInert(Renderer.RenderComment(markdown));

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void RenderArticle_XssVector_IsInert(string markdown) => AssertInert(Renderer.RenderArticle(markdown));

    [Fact]
    public void RenderComment_Links_GetNofollowUgcRel()
    {
        var document = Parser.ParseDocument(Renderer.RenderComment("See [the judgment](https://www.courtsofnz.govt.nz/)."));
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("https://www.courtsofnz.govt.nz/", link.GetAttribute("href"));
        Assert.Equal(MarkdownRenderer.CommentLinkRel, link.GetAttribute("rel"));
    }

    [Fact]
    public void RenderComment_PlainText_RoundTripsExactly()
    {
        const string text = "Ngā mihi — the court said “no”; 5 > 3 & 2 < 4. 日本語 ✓";
        var document = Parser.ParseDocument(Renderer.RenderComment(text));
        Assert.Equal(text, document.Body!.TextContent.Trim());
    }

    [Fact]
    public void RenderComment_HeadingsAndTables_AreNotAllowedButTheirTextStays()
    {
        var html = Renderer.RenderComment("# Loud\n\n| a |\n|---|\n| b |");
        var document = Parser.ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("h1, table"));
        Assert.Contains("Loud", document.Body!.TextContent);
    }

    [Fact]
    public void RenderArticle_SupportsTablesFootnotesQuotesAndLetteredOrders()
    {
        var html = Renderer.RenderArticle("""
            ## Orders

            > Quoted.

            | Judge | Result |
            |---|---|
            | A | Allowed |

            a. first order
            b. second order

            A claim.[^1]

            [^1]: The source.
            """);
        var document = Parser.ParseDocument(html);
        Assert.NotNull(document.QuerySelector("h2"));
        Assert.NotNull(document.QuerySelector("blockquote"));
        Assert.Equal(2, document.QuerySelectorAll("table td").Length);
        Assert.Equal("a", document.QuerySelector("ol")?.GetAttribute("type"));
        Assert.NotNull(document.QuerySelector("a.footnote-ref[href='#fn:1']"));
        Assert.NotNull(document.QuerySelector("div.footnotes li#fn\\:1"));
    }

    [Fact]
    public void SanitizeComment_IsIdempotent()
    {
        var once = Renderer.RenderComment("**bold** [x](https://a.example) <b>raw</b>\n\n> quote");
        Assert.Equal(once, Renderer.SanitizeComment(once));
    }

    private static void AssertInert(string html)
    {
        var document = Parser.ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "form", "input", "style", "svg", "math", "base", "meta", "link" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event attribute {attribute.Name} in {html}");
                Assert.NotEqual("srcdoc", attribute.Name);
                if (attribute.Name is "href" or "src")
                {
                    var value = attribute.Value.Trim();
                    Assert.True(
                        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith('#') || value.StartsWith('/') || !value.Contains(':'),
                        $"unsafe {attribute.Name}=\"{value}\" from {html}");
                }
            }
        }
    }
}

using Microsoft.Playwright;

namespace Blog.Web.Tests.Browser;

/// <summary>A comment's quotes, lists and paragraphs look the same in the preview as once published.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommentLookTests(BrowserFixture browser)
{
    private const string Article = "/articles/the-actual-knowledge-test-how-murray-v-wishart-limits-a-hosts-liability";

    private const string Styles = """
        root => ['blockquote', 'ul', 'ol', 'li', 'p'].map(tag => {
            const e = root.querySelector(tag);
            if (!e) return tag + ': missing';
            const s = getComputedStyle(e);
            return [tag, s.borderLeftWidth, s.borderLeftStyle, s.paddingLeft, s.marginTop, s.marginBottom, /^(ul|ol|li)$/.test(tag) ? s.listStyleType : '', s.fontStyle, s.color, s.fontSize].join(' ');
        })
        """;

    [Fact]
    public async Task QuotesListsAndParagraphs_LookTheSameInThePreviewAndPublished()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "priya@docket.test", "demo subscriber passphrase 2", Article);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var body = $"> Quoting the court {stamp}\n\nTwo points:\n\n- first\n- second\n\n1. one\n2. two\n\nA closing paragraph.";

        await page.Locator("#comment-body").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = await page.Locator(".comment-preview .comment-text").EvaluateAsync<string[]>(Styles);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await page.Locator(".status-message").WaitForAsync();
        var published = await page.Locator(".comment-text", new() { HasText = $"Quoting the court {stamp}" }).Last.EvaluateAsync<string[]>(Styles);

        Assert.DoesNotContain(preview, s => s.EndsWith("missing", StringComparison.Ordinal));
        Assert.Equal(preview, published);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "comment-look.png") });
    }
}

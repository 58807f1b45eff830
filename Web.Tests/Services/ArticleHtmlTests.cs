using Blog.Web.Services;

namespace Blog.Web.Tests.Services;

public sealed class ArticleHtmlTests
{
    [Fact]
    public void Split_AfterTheThirdParagraph_BetweenParagraphs()
    {
        var (before, after) = ArticleHtml.SplitAfterParagraphs("<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>", 3);

        Assert.Equal("<p>1</p><p>2</p><p>3</p>", before);
        Assert.Equal("<p>4</p><p>5</p>", after);
    }

    [Fact]
    public void Split_NeverBetweenAnIntroductionAndItsList_ButBeforeTheNextHeading()
    {
        var (before, after) = ArticleHtml.SplitAfterParagraphs("<p>1</p><p>2</p><p>The orders were:</p><ol><li>a</li></ol><p>More.</p><h2>Next</h2><p>6</p>", 3);

        Assert.EndsWith("<p>More.</p>", before);
        Assert.StartsWith("<h2>Next</h2>", after);
    }

    [Theory]
    [InlineData("<p>1</p><p>2</p>")]
    [InlineData("<p>1</p><p>2</p><p>3</p>")]
    [InlineData("<p>1</p><p>2</p><p>3:</p><ul><li>x</li></ul>")]
    public void ShortOrUnbreakableArticles_AreNotSplit(string html) =>
        Assert.Equal((html, ""), ArticleHtml.SplitAfterParagraphs(html, 3));
}

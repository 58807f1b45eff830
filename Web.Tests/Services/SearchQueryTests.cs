using Blog.Web.Services;
using Blog.Web.Services.Search;

namespace Blog.Web.Tests.Services;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("[2016] NZHC 963", "\"2016\" \"NZHC\" \"963\"*")]
    [InlineData("Kazakh", "\"Kazakh\"*")]
    [InlineData("mega OR \"x\" NEAR(a b) *", "\"mega\" \"OR\" \"x\" \"NEAR\" \"a\" \"b\"")]
    [InlineData("Māori", "\"Māori\"*")]
    [InlineData("  !!! ", "")]
    public void ToFts_QuotesEveryWordSoReadersCannotWriteOperators(string input, string expected) =>
        Assert.Equal(expected, SearchQuery.ToFts(input));

    [Fact]
    public void Highlight_SplitsAtTheMarkersAndKeepsTextAsText()
    {
        var pieces = SearchQuery.Highlight("a <b> \u0002match\u0003 & c");

        Assert.Equal([new Highlighted("a <b> ", false), new Highlighted("match", true), new Highlighted(" & c", false)], pieces);
    }

    [Fact]
    public void Teaser_KeepsTheFirstParagraphsOnly()
    {
        var teaser = MarkdownRenderer.Teaser("<p>one</p><h2>x</h2><p>two</p><p>three</p>", paragraphs: 2);

        Assert.Equal("<p>one</p><p>two</p>", teaser);
    }
}

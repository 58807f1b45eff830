using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Republic of Kazakhstan v Mega Ltd", "republic-of-kazakhstan-v-mega-ltd")]
    [InlineData("Newsrooms answer for readers' Facebook comments", "newsrooms-answer-for-readers-facebook-comments")]
    [InlineData("  Māori Land Court: what's next?  ", "maori-land-court-whats-next")]
    [InlineData("[2016] NZHC 963", "2016-nzhc-963")]
    [InlineData("Déjà vu -- again!!", "deja-vu-again")]
    public void From_TitleText_GivesLowercaseHyphenatedAscii(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void From_LongTitle_IsCutAtTheLimitWithoutATrailingHyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("word", 40)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }
}

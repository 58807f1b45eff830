using Blog.Web.Domain.Moderation;

namespace Blog.Web.Tests.Domain.Moderation;

public sealed class SuppressionMatcherTests
{
    [Theory]
    [InlineData("I saw john smith at the court")]
    [InlineData("It was J. Smith, obviously")]
    [InlineData("J S m i t h did it")]
    [InlineData("Jóhn Smíth again")]
    [InlineData("JOHN-SMITH!!")]
    [InlineData("johnsmith on social media")]
    [InlineData("the defendant J.S. is known locally")]
    public void Matches_TheVariantsOfAProtectedName(string text) =>
        Assert.True(SuppressionMatcher.Matches(text, ["John Smith"]));

    [Theory]
    [InlineData("Johnson Smithers gave evidence")]
    [InlineData("Raj Smith is unrelated")]
    [InlineData("The blacksmith's shop")]
    [InlineData("")]
    public void DoesNotMatch_OtherNames(string text) =>
        Assert.False(SuppressionMatcher.Matches(text, ["John Smith"]));

    [Theory]
    [InlineData("He lives on Karangahape Road", true)]
    [InlineData("K a r a n g a h a p e", true)]
    [InlineData("Karangahapes", false)]
    public void SingleWordTerms_MatchAsWholeWordsOrSpelledOut(string text, bool expected) =>
        Assert.Equal(expected, SuppressionMatcher.Matches(text, ["Karangahape"]));

    [Fact]
    public void AnyOfSeveralTerms()
    {
        Assert.True(SuppressionMatcher.Matches("the dentist from Ponsonby", ["Jane Roe", "dentist"]));
        Assert.False(SuppressionMatcher.Matches("nothing here", ["Jane Roe", "dentist"]));
    }
}

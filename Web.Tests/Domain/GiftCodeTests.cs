using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class GiftCodeTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(" law school-2027 ", "LAWSCHOOL-2027")]
    [InlineData("ab.cd/ef", "ABCDEF")]
    [InlineData("Ünï-42", "N-42")]
    public void Normalise_KeepsCapitalsDigitsAndHyphens(string typed, string expected) => Assert.Equal(expected, GiftCode.Normalise(typed));

    [Fact]
    public void RedeemRefusal_StoppedBeforeExpired_AndNoneWhileActive()
    {
        var code = new GiftCode { ExpiresAt = Now.AddDays(1) };
        Assert.Null(code.RedeemRefusal(Now, SiteTime.Utc));
        Assert.StartsWith("That gift code expired", code.RedeemRefusal(Now.AddDays(2), SiteTime.Utc));

        code.Disable(Now);
        Assert.Equal("That gift code is no longer valid.", code.RedeemRefusal(Now.AddDays(2), SiteTime.Utc));
        code.Disable(Now.AddHours(1));
        Assert.Equal(Now, code.DisabledAt);

        code.Enable();
        Assert.Null(code.RedeemRefusal(Now, SiteTime.Utc));
    }

    [Fact]
    public void Generate_MakesDistinctCodesWithoutLookAlikes()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => GiftCode.Generate()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", c));
    }
}

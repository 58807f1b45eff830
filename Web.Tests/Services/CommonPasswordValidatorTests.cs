using Blog.Web.Services.Accounts;

namespace Blog.Web.Tests.Services;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("correct horse battery staple")]
    public void IsCommon_KnownPasswords_AreCommon(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("tussock harbour lantern figs")]
    [InlineData("a perfectly fine test passphrase")]
    public void IsCommon_Passphrases_AreNot(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));
}

using Blog.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Blog.Web.Services.Accounts;

/// <summary>
/// Length is the only composition rule (NIST SP 800-63B); instead of symbol rules we refuse passwords that
/// appear on a shipped list of commonly used ones, and passwords that are just the account's email or name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<BlogUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<BlogUser> manager, BlogUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var normalized = Normalize(password);
        if (Common.Value.Contains(normalized) || IsAbout(normalized, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess: it is on a list of commonly used passwords or repeats your email or name. Try a passphrase of a few unrelated words.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(Normalize(password));

    private static bool IsAbout(string normalized, BlogUser user) =>
        (!string.IsNullOrEmpty(user.Email) && normalized == Normalize(user.Email))
        || (!string.IsNullOrEmpty(user.Email) && normalized == Normalize(user.Email.Split('@')[0]))
        || (!string.IsNullOrEmpty(user.DisplayName) && normalized == Normalize(user.DisplayName));

    private static string Normalize(string value) => value.Trim().ToLowerInvariant();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(Normalize(line));
            }
        }

        return set;
    }
}

using Blog.Web.Services.Accounts;
using Blog.Web.Services.Bench;

namespace Blog.Web.Infrastructure;

/// <summary>Deploy-time commands: <c>dotnet run --project Web -- create-admin EMAIL [--password-stdin]</c>.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["create-admin", "seed-bench"];
    private static readonly string[] CommandFlags = ["--password-stdin", "--small"];

    /// <summary>
    /// The first argument when it names no command and is not a host setting (<c>--key value</c> or <c>key=value</c>):
    /// a mistyped command must not start the site instead.
    /// </summary>
    public static string? Unknown(string[] args) =>
        args.Length > 0 && !Commands.Contains(args[0]) && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;

    public static string Usage(string unknown) =>
        $"Unknown command \"{unknown}\". The commands are:\n"
        + "  create-admin EMAIL [--password-stdin]   create (or promote) an admin account\n"
        + "  seed-bench [--small]                    fill an empty database with the benchmark's content\n"
        + "With no command, the site starts.";

    public static (string? Command, string[] CommandArgs, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0])
            ? (args[0], args[1..].Where(a => !a.StartsWith("--", StringComparison.Ordinal) || CommandFlags.Contains(a)).ToArray(),
                args[1..].Where(a => a.StartsWith("--", StringComparison.Ordinal) && !CommandFlags.Contains(a)).ToArray())
            : (null, [], args);

    public static async Task<int> RunAsync(IServiceProvider services, string command, string[] args, TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        switch (command)
        {
            case "create-admin":
                var email = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
                if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
                {
                    await output.WriteLineAsync("usage: create-admin EMAIL [--password-stdin]");
                    return 2;
                }

                var password = args.Contains("--password-stdin") ? (await input.ReadLineAsync(cancellationToken))?.Trim() : null;
                var outcome = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateAdminAsync(email, password, cancellationToken);
                if (!outcome.Succeeded)
                {
                    await output.WriteLineAsync($"create-admin failed: {string.Join(" ", outcome.Errors)}");
                    return 1;
                }

                await output.WriteLineAsync(outcome.Created
                    ? $"Created admin account {email}."
                    : $"{email} already had an account; it is now an admin.");
                if (outcome.GeneratedPassword is not null)
                {
                    await output.WriteLineAsync($"Its password is: {outcome.GeneratedPassword}");
                    await output.WriteLineAsync("It is shown only now. Sign in and change it under Account > Password.");
                }

                return 0;
            case "seed-bench":
                var scale = args.Contains("--small") ? BenchScale.Small : BenchScale.Full;
                var seeded = await scope.ServiceProvider.GetRequiredService<BenchSeeder>().SeedAsync(scale, cancellationToken);
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(seeded));
                return 0;
            default:
                await output.WriteLineAsync($"unknown command {command}");
                return 2;
        }
    }
}

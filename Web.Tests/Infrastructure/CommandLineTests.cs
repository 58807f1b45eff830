using System.Diagnostics;
using Blog.Web.Infrastructure;

namespace Blog.Web.Tests.Infrastructure;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, null)]
    [InlineData(new[] { "urls=http://127.0.0.1:5000" }, null)]
    [InlineData(new[] { "create-admin", "you@example.org" }, null)]
    [InlineData(new[] { "seed-bench", "--small" }, null)]
    [InlineData(new[] { "create-admn", "you@example.org" }, "create-admn")]
    public void Unknown_NamesOnlyAMistypedCommand(string[] args, string? expected) => Assert.Equal(expected, CommandLine.Unknown(args));

    [Fact]
    public async Task AMistypedCommand_ListsTheCommandsAndExitsWithAnError_WithoutStartingTheSite()
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "create-admn", "you@example.org"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ConnectionStrings__Blog"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db")}";

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Unknown command \"create-admn\"", error);
        Assert.Contains("create-admin EMAIL", error);
    }
}

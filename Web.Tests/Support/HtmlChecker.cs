using System.Diagnostics;

namespace Blog.Web.Tests.Support;

/// <summary>
/// The W3C Nu Html Checker (npm package vnu-jar, run with Java), installed once into a folder beside the test
/// output. Where npm or Java is missing the checks are skipped, except under CI=true, where that is a failure.
/// </summary>
public static class HtmlChecker
{
    public const string Version = "26.9.27";

    private static readonly SemaphoreSlim Install = new(1, 1);

    private static string Folder => Path.Combine(Path.GetTempPath(), "blog-tests-tools", $"vnu-{Version}");

    public static string JarPath => Path.Combine(Folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The path of vnu.jar, installing it if needed; null (with the reason) when it cannot be had here.</summary>
    public static async Task<(string? Jar, string? Unavailable)> EnsureAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(JarPath))
            {
                return (JarPath, null);
            }

            if (!OnPath("java") || !OnPath("npm"))
            {
                return (null, "The HTML checker needs java and npm on the PATH.");
            }

            Directory.CreateDirectory(Folder);
            var (exit, output) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", Folder, $"vnu-jar@{Version}"], Folder);
            return File.Exists(JarPath) ? (JarPath, null) : (null, $"npm could not install vnu-jar ({exit}): {output}");
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>Runs the checker over the files; returns its error lines (none when the HTML is valid).</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string jar, IEnumerable<string> files)
    {
        var (_, output) = await RunAsync("java", ["-jar", jar, "--errors-only", "--format", "text", .. files], Path.GetTempPath());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(": error:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Error:", StringComparison.Ordinal)).ToList();
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Blog.Web.Tests.Support;

/// <summary>
/// A real Redis on loopback for the tests that run several instances of the site: started from Debian's
/// redis-server on a free port, with nothing saved to disk, and stopped (by its own process) afterwards. Without
/// redis-server the tests that need it are skipped, except under CI=true, where that is a failure.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public string? Unavailable { get; private set; }

    /// <summary>The StackExchange.Redis connection string of the running server.</summary>
    public string Connection { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            Unavailable = "redis-server is not installed (apt-get install redis-server).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(Unavailable + " The multi-instance tests may not be skipped in CI.");
            }

            return;
        }

        var port = FreePort();
        process = Process.Start(new ProcessStartInfo(binary, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Connection = $"127.0.0.1:{port}";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                if (await stream.ReadAsync(buffer) > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not answer on port {port}.");
    }

    public void SkipIfUnavailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.IO.Compression;
using System.Net;
using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

/// <summary>Anonymous pages go out compressed, compressed once and kept so; pages with a session are never compressed.</summary>
public sealed class CompressionTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false,
    });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.Add("Accept-Encoding", encoding);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate", "gzip")]
    public async Task AnAnonymousArticle_IsSentCompressed_AndKeptCompressed(string accept, string expected)
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var client = Anonymous();

        var plain = await GetAsync(client, $"/articles/{slug}", null);
        var first = await GetAsync(client, $"/articles/{slug}", accept);
        var second = await GetAsync(client, $"/articles/{slug}", accept);

        var html = await plain.Content.ReadAsStringAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([expected], first.Content.Headers.ContentEncoding);
        Assert.Equal([expected], second.Content.Headers.ContentEncoding);
        Assert.NotNull(second.Headers.Age);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var compressed = await second.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < html.Length / 2, $"{compressed.Length} compressed bytes for {html.Length} characters.");
        Assert.Equal(html, Decompress(compressed, expected));
    }

    [Fact]
    public async Task APageForASignedInReader_IsNotCompressed()
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (client, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);

        var response = await GetAsync(client, $"/articles/{slug}", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using Stream stream = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Net;
using System.Text.Json;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Blog.Web.Tests.Pages.Editor;

/// <summary>A feature picture: uploaded in the editor, checked by its bytes, resized, and drawn with every width.</summary>
public sealed class FeatureImageTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private const string NewArticle = "/editor/articles/new";

    /// <summary>A real picture, made here: a gradient with a block of colour, so it is not trivially compressible.</summary>
    internal static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Navy, SKColors.Goldenrod], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
            using var block = new SKPaint { Color = SKColors.Firebrick };
            canvas.DrawRect(width / 4f, height / 4f, width / 3f, height / 3f, block);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static Dictionary<string, string> Fields(string title, string alt = "The courthouse steps at dawn", string command = "publish")
    {
        var fields = Newsroom.Article(title, body: "A body that must not be lost.");
        fields["Input.FeatureImageAlt"] = alt;
        fields["command"] = command;
        return fields;
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    [Fact]
    public async Task ARealJpeg_IsResizedToEachWidth_AndDrawnWithSrcsetAndItsSize_OnTheArticleAndTheHomePage()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("Pictured ruling");

        var saved = await editor.PostMultipartAsync(NewArticle, Fields(title), ("FeatureImageFile", "steps.jpg", "image/jpeg", Picture(1200, 800)), "form.editor-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.FeatureImage).SingleAsync(a => a.Title == title));
        var image = article.FeatureImage!;
        Assert.Equal(("480,960,1200", 1200, 800, "image/jpeg", "The courthouse steps at dawn"), (image.Widths, image.Width, image.Height, image.SourceType, article.FeatureImageAlt));

        var reader = factory.CreateBrowserClient();
        foreach (var (width, height) in new[] { (480, 320), (960, 640), (1200, 800) })
        {
            var file = await reader.GetAsync($"/media/{image.Id}/{width}.webp");
            Assert.Equal("image/webp", file.Content.Headers.ContentType!.MediaType);
            Assert.True(file.Headers.CacheControl!.Public);
            Assert.Equal(TimeSpan.FromDays(365), file.Headers.CacheControl.MaxAge);
            using var decoded = SKBitmap.Decode(await file.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{image.Id}/1600.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/..%2F..%2Fappsettings/480.webp")).StatusCode);

        var page = await reader.GetDocumentAsync($"/articles/{article.Slug}");
        var img = page.QuerySelector("figure.feature-image img")!;
        Assert.Equal($"/media/{image.Id}/480.webp 480w, /media/{image.Id}/960.webp 960w, /media/{image.Id}/1200.webp 1200w", img.GetAttribute("srcset"));
        Assert.Equal(("1200", "800", "The courthouse steps at dawn"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
        Assert.Equal($"https://localhost/media/{image.Id}/1200.webp", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("The courthouse steps at dawn", page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal($"https://localhost/media/{image.Id}/1200.webp", jsonLd.RootElement.GetProperty("image")[0].GetString());

        var home = await reader.GetDocumentAsync("/");
        var card = home.QuerySelectorAll("li.article-card").Single(li => li.TextContent.Contains(title));
        Assert.Contains($"/media/{image.Id}/480.webp 480w", card.QuerySelector("img.article-card-image")!.GetAttribute("srcset"));
        Assert.Equal("lazy", card.QuerySelector("img")!.GetAttribute("loading"));
    }

    [Fact]
    public async Task AFileThatLiesAboutItsType_IsRefused_AndTheArticleKeptInTheForm()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("Not a picture");
        var before = await factory.WithDbAsync(db => db.MediaImages.CountAsync());
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();

        var refused = await editor.PostMultipartAsync(NewArticle, Fields(title), ("FeatureImageFile", "photo.jpg", "image/jpeg", html), "form.editor-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("That file is not a JPEG, PNG or WebP picture. Choose a picture in one of those formats.", Html.Errors(page));
        Assert.Equal("A body that must not be lost.", page.QuerySelector("#Input_Body")!.TextContent);
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.MediaImages.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task APngCalledJpeg_IsTakenForWhatItIs_AndASmallOneIsNeverEnlarged()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("Small png");

        var saved = await editor.PostMultipartAsync(NewArticle, Fields(title, command: "save"), ("FeatureImageFile", "chart.jpg", "image/jpeg", Picture(400, 300, SKEncodedImageFormat.Png)), "form.editor-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var image = await factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.FeatureImage!).SingleAsync());
        Assert.Equal(("image/png", "400", 400, 300), (image.SourceType, image.Widths, image.Width, image.Height));
    }

    [Fact]
    public async Task APictureWithoutAlternativeText_IsRefused_ButKeptInTheForm_SoOnlyTheTextIsNeeded()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("Alt needed");

        var refused = await editor.PostMultipartAsync(NewArticle, Fields(title, alt: ""), ("FeatureImageFile", "steps.jpg", "image/jpeg", Picture(800, 600)), "form.editor-form");
        var page = await Html.ParseAsync(refused);
        Assert.Contains(Html.Errors(page), e => e.StartsWith("Say what the picture shows", StringComparison.Ordinal));
        var kept = page.QuerySelector("input[name='Input.FeatureImageId']")!.GetAttribute("value");
        Assert.True(MediaImage.IsId(kept));
        Assert.NotNull(page.QuerySelector("img.feature-image-preview"));

        var fields = Fields(title, alt: "A chart of filings by year");
        fields["Input.FeatureImageId"] = kept!;
        var saved = await editor.SubmitArticleAsync(NewArticle, fields, "publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(kept, await factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.FeatureImageId).SingleAsync()));
    }
}

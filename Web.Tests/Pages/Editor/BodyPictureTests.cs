using System.Net;
using Blog.Web.Domain;
using Blog.Web.Services.Media;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Blog.Web.Tests.Pages.Editor;

/// <summary>A picture in an article's body: added from the editor as Markdown, drawn with every width and its size.</summary>
public sealed class BodyPictureTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    private const string NewArticle = "/editor/articles/new";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private static Dictionary<string, string> Fields(string title, string alt)
    {
        var fields = Newsroom.Article(title, body: "The court sat in the old building.\n\nIt gave judgment the same day.");
        fields["BodyImageAlt"] = alt;
        fields["command"] = "add-picture";
        return fields;
    }

    [Fact]
    public async Task AnAddedPicture_JoinsTheBodyAsMarkdown_AndIsDrawnWithItsWidthsSizeAndLazyLoading_WithoutTheTeaser()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("Pictured judgment");

        var added = await editor.PostMultipartAsync(NewArticle, Fields(title, "The public gallery, [full] on the day"),
            ("BodyImageFile", "gallery.jpg", "image/jpeg", FeatureImageTests.Picture(1200, 900)), "form.editor-form");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var form = await Html.ParseAsync(added);
        Assert.Empty(Html.Errors(form));
        Assert.Contains("added at the end of the body", form.QuerySelector("#editor-notice")!.TextContent);
        Assert.Equal(title, form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var body = form.QuerySelector("#Input_Body")!.TextContent;
        var id = await factory.WithDbAsync(db => db.MediaImages.OrderByDescending(m => m.CreatedAt).Select(m => m.Id).FirstAsync());
        Assert.Equal($"The court sat in the old building.\n\nIt gave judgment the same day.\n\n![The public gallery, \\[full\\] on the day](/media/{id}/960.webp)\n", body.ReplaceLineEndings("\n"));
        Assert.Equal("", form.QuerySelector("#BodyImageAlt")!.GetAttribute("value"));

        // The editor moves the picture between the paragraphs and publishes.
        var fields = Newsroom.Article(title, body: $"![The public gallery, \\[full\\] on the day](/media/{id}/960.webp)\n\nThe court sat in the old building.\n\nIt gave judgment the same day.");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitArticleAsync(NewArticle, fields, "publish")).StatusCode);

        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Slug).SingleAsync());
        var reader = factory.CreateBrowserClient();
        var page = await reader.GetDocumentAsync($"/articles/{slug}");
        var img = page.QuerySelector(".article-body img")!;
        Assert.Equal($"/media/{id}/480.webp 480w, /media/{id}/960.webp 960w, /media/{id}/1200.webp 1200w", img.GetAttribute("srcset"));
        Assert.Equal((BodyPictures.Sizes, "1200", "900", "lazy", "The public gallery, [full] on the day", $"/media/{id}/960.webp"),
            (img.GetAttribute("sizes"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("loading"), img.GetAttribute("alt"), img.GetAttribute("src")));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/media/{id}/960.webp")).StatusCode);

        var home = await reader.GetDocumentAsync("/");
        var card = home.QuerySelectorAll("li.article-card").Single(li => li.TextContent.Contains(title));
        Assert.Null(card.QuerySelector("img"));
        var teaser = await factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.TeaserHtml).SingleAsync());
        Assert.Equal("<p>The court sat in the old building.</p><p>It gave judgment the same day.</p>", teaser.Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APictureWithoutAlternativeText_IsRefused_AndNothingTypedIsLost()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var title = Unique("No alt");
        var before = await factory.WithDbAsync(db => db.MediaImages.CountAsync());

        var refused = await editor.PostMultipartAsync(NewArticle, Fields(title, "  "),
            ("BodyImageFile", "gallery.jpg", "image/jpeg", FeatureImageTests.Picture(600, 400)), "form.editor-form");

        var page = await Html.ParseAsync(refused);
        Assert.Contains(Html.Errors(page), e => e.StartsWith("Say what the picture shows before adding it", StringComparison.Ordinal));
        Assert.Equal("The court sat in the old building.\n\nIt gave judgment the same day.", page.QuerySelector("#Input_Body")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.MediaImages.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task AFileThatIsNotAPicture_IsRefused_AndTheBodyIsUnchanged()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);

        var refused = await editor.PostMultipartAsync(NewArticle, Fields(Unique("Lying file"), "A chart"),
            ("BodyImageFile", "chart.png", "image/png", "<svg onload=alert(1)></svg>"u8.ToArray()), "form.editor-form");

        var page = await Html.ParseAsync(refused);
        Assert.Contains("That file is not a JPEG, PNG or WebP picture. Choose a picture in one of those formats.", Html.Errors(page));
        Assert.DoesNotContain("/media/", page.QuerySelector("#Input_Body")!.TextContent);
        Assert.Null(page.QuerySelector("#editor-notice"));
    }

    [Fact]
    public async Task AnImageNotFromTheMediaStore_IsLeftAsWritten_AndMarkdownCannotWriteSrcset()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var unknown = new string('a', MediaImage.IdLength);
        var preview = await editor.SubmitArticleAsync(NewArticle, Newsroom.Article(Unique("Other images"),
            body: $"![elsewhere](https://images.example/court.jpg)\n\n![gone](/media/{unknown}/960.webp)\n\n<img src=x srcset=\"javascript:alert(1) 1w\">"), "preview");

        var page = await Html.ParseAsync(preview);
        var images = page.QuerySelectorAll(".preview img");
        Assert.Equal(["https://images.example/court.jpg", $"/media/{unknown}/960.webp"], images.Select(i => i.GetAttribute("src")));
        Assert.All(images, i => Assert.Null(i.GetAttribute("srcset")));
    }
}

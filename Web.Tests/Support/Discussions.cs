using System.Net;
using Blog.Web.Data;
using Blog.Web.Domain;
using Blog.Web.Services.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Support;

/// <summary>Articles to discuss, and comments posted the way a reader posts them.</summary>
public static class Discussions
{
    /// <summary>Publishes an article through the newsroom service (or schedules it for <paramref name="scheduleAt"/>); returns its slug.</summary>
    public static async Task<string> PublishArticleAsync(BlogAppFactory factory, string? title = null, CommentMode mode = CommentMode.Open,
        DateTimeOffset? closesAt = null, ArticleVisibility visibility = ArticleVisibility.Everyone, string body = "A body.\n\nMore body.",
        DateTimeOffset? scheduleAt = null)
    {
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor);
        title ??= $"Discussion piece {Guid.NewGuid():N}";
        return await factory.WithScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<ArticleEditor>().SaveAsync(null,
                new ArticleInput(title, null, "A standfirst.", body, "", null, visibility, mode, closesAt, ""),
                scheduleAt is null ? ArticleAction.Publish : ArticleAction.Schedule, scheduleAt, editor.Id, CancellationToken.None);
            return outcome.Succeeded ? outcome.Slug : throw new InvalidOperationException(string.Join(" ", outcome.Errors));
        });
    }

    public static Dictionary<string, string> Comment(string body, Guid? key = null) => new()
    {
        ["Input.Body"] = body,
        ["Input.IdempotencyKey"] = (key ?? Guid.NewGuid()).ToString(),
        ["command"] = "post",
    };

    /// <summary>Posts a top-level comment from the article page's comment box.</summary>
    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, string slug, string body, Guid? key = null, string command = "post")
    {
        var fields = Comment(body, key);
        fields["command"] = command;
        return client.PostFormAsync($"/articles/{slug}", fields, formSelector: "form.comment-form");
    }

    public static Task<HttpResponseMessage> ReplyAsync(this HttpClient client, long parentId, string body, Guid? key = null) =>
        client.PostFormAsync($"/comments/{parentId}/reply", Comment(body, key), formSelector: "form.comment-form");

    /// <summary>The id in a redirect to a comment (…#comment-123).</summary>
    public static long CommentIdFrom(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Expected a redirect to the comment, got {(int)response.StatusCode}.");
        }

        return long.Parse(response.Location()!.Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<Comment> LoadCommentAsync(BlogAppFactory factory, long id) =>
        factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Writes a thread straight into the database (for size, not for behaviour): roots, then replies.</summary>
    public static async Task<int> SeedThreadAsync(BlogAppFactory factory, string slug, int comments, int topLevel, string authorId)
    {
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BlogDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var all = new List<Comment>();
            var random = new Random(comments);
            for (var i = 0; i < comments; i++)
            {
                var parent = i < topLevel ? null : all[random.Next(all.Count)];
                var comment = new Comment
                {
                    ArticleId = articleId, ParentId = parent?.Id, AuthorId = authorId, Body = $"Comment {i}", BodyHtml = $"<p>Comment {i}</p>",
                    Status = CommentStatus.Published, CreatedAt = factory.Clock.GetUtcNow().AddMinutes(i), IdempotencyKey = Guid.NewGuid(),
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                comment.AssignPath(parent);
                all.Add(comment);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return articleId;
        });
    }
}

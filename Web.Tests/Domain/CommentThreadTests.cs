using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class CommentThreadTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CommentRow Row(long id, long? parent, string path, CommentStatus status = CommentStatus.Published) =>
        new(id, parent, path.Count(c => c == '.'), path, status, $"author{id}", $"<p>body {id}</p>", At, null, 0);

    [Fact]
    public void AssignPath_BuildsZeroPaddedPathAndDepthFromTheParent()
    {
        var parent = new Comment { Id = 7 };
        parent.AssignPath(null);
        var child = new Comment { Id = 12 };
        child.AssignPath(parent);

        Assert.Equal("0000000007", parent.Path);
        Assert.Equal("0000000007.0000000012", child.Path);
        Assert.Equal(1, child.Depth);
    }

    [Fact]
    public void AssignPath_WithoutAnId_IsABug()
    {
        Assert.Throws<InvalidOperationException>(() => new Comment().AssignPath(null));
    }

    [Fact]
    public void Build_NestsRepliesUnderTheirParents()
    {
        var tree = CommentThread.Build([
            Row(1, null, "1"), Row(2, 1, "1.2"), Row(3, 2, "1.2.3"), Row(4, null, "4"),
        ]);

        Assert.Equal([1L, 4L], tree.Select(n => n.Row.Id));
        Assert.Equal(3L, tree[0].Replies.Single().Replies.Single().Row.Id);
        Assert.Equal(2, tree[0].DescendantCount);
    }

    [Fact]
    public void Build_DropsAHiddenCommentWithoutVisibleReplies()
    {
        var tree = CommentThread.Build([Row(1, null, "1", CommentStatus.Rejected), Row(2, null, "2")]);

        Assert.Equal([2L], tree.Select(n => n.Row.Id));
    }

    [Theory]
    [InlineData(CommentStatus.Withdrawn, "[deleted]")]
    [InlineData(CommentStatus.Rejected, "[removed by moderators]")]
    [InlineData(CommentStatus.Removed, "[removed by moderators]")]
    public void Build_KeepsAHiddenParentOfVisibleRepliesAsAPlaceholderWithoutItsText(CommentStatus status, string placeholder)
    {
        var tree = CommentThread.Build([Row(1, null, "1", status), Row(2, 1, "1.2")]);

        var hidden = Assert.Single(tree);
        Assert.Equal(placeholder, hidden.Placeholder);
        Assert.Null(hidden.Row.BodyHtml);
        Assert.Null(hidden.Row.AuthorName);
        Assert.Equal(2L, hidden.Replies.Single().Row.Id);
    }

    [Fact]
    public void Build_PendingRepliesDoNotKeepAHiddenParent()
    {
        var tree = CommentThread.Build([Row(1, null, "1", CommentStatus.Withdrawn), Row(2, 1, "1.2", CommentStatus.Pending)]);

        Assert.Empty(tree);
    }
}

using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class CommentThreadTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CommentRow Row(long id, long? parent, string path, CommentStatus status = CommentStatus.Published, int minutes = 0) =>
        new(id, parent, path.Count(c => c == '.'), path, status, status.IsVisible(), $"author{id}", $"<p>body {id}</p>", At.AddMinutes(minutes), null, 0);

    /// <summary>A single chain 1 > 2 > ... > n, each reply a minute after its parent.</summary>
    private static List<CommentRow> Chain(int n)
    {
        var rows = new List<CommentRow>();
        var path = "";
        for (var id = 1; id <= n; id++)
        {
            path = path.Length == 0 ? $"{id}" : $"{path}.{id}";
            rows.Add(Row(id, id == 1 ? null : id - 1, path, minutes: id));
        }

        return rows;
    }

    [Fact]
    public void Build_IndentsSixLevelsThenListsDeeperRepliesFlatWithWhoTheyAnswer()
    {
        var tree = CommentThread.Build(Chain(9));

        var sixth = tree[0].Replies[0].Replies[0].Replies[0].Replies[0].Replies[0];
        Assert.Equal(6L, sixth.Row.Id);
        Assert.Equal([7L, 8L, 9L], sixth.Replies.Select(r => r.Row.Id));
        Assert.All(sixth.Replies, r => Assert.Empty(r.Replies));
        Assert.Null(sixth.Replies[0].FlattenedUnder);
        Assert.Equal(7L, sixth.Replies[1].FlattenedUnder!.Row.Id);
        Assert.Equal(8L, sixth.Replies[2].FlattenedUnder!.Row.Id);
    }

    [Fact]
    public void Build_FlatRepliesAreInTimeOrderAcrossBranches()
    {
        var rows = Chain(6);
        rows.Add(Row(20, 6, "1.2.3.4.5.6.20", minutes: 30));
        rows.Add(Row(21, 20, "1.2.3.4.5.6.20.21", minutes: 50));
        rows.Add(Row(22, 6, "1.2.3.4.5.6.22", minutes: 40));

        var sixth = CommentThread.Build(rows)[0].Replies[0].Replies[0].Replies[0].Replies[0].Replies[0];

        Assert.Equal([20L, 22L, 21L], sixth.Replies.Select(r => r.Row.Id));
    }

    [Fact]
    public void Build_PutsRootsInTheGivenOrder()
    {
        var tree = CommentThread.Build([Row(1, null, "1"), Row(2, null, "2"), Row(3, null, "3")], rootOrder: [3, 1, 2]);

        Assert.Equal([3L, 1L, 2L], tree.Select(n => n.Row.Id));
    }

    [Fact]
    public void Build_AReadersOwnHeldCommentIsShownToThem()
    {
        var own = Row(2, 1, "1.2", CommentStatus.Pending) with { IsShown = true, IsOwn = true };

        var tree = CommentThread.Build([Row(1, null, "1"), own]);

        Assert.Equal(2L, tree[0].Replies.Single().Row.Id);
    }

    [Theory]
    [InlineData(CommentSort.Oldest, new long[] { 1, 2, 3 })]
    [InlineData(CommentSort.Newest, new long[] { 3, 2, 1 })]
    [InlineData(CommentSort.Recommended, new long[] { 2, 3, 1 })]
    public void OrderTopLevel_SortsRootsAsAsked(CommentSort sort, long[] expected)
    {
        var roots = new[]
        {
            new Comment { Id = 1, CreatedAt = At, RecommendCount = 0 },
            new Comment { Id = 2, CreatedAt = At.AddMinutes(1), RecommendCount = 5 },
            new Comment { Id = 3, CreatedAt = At.AddMinutes(2), RecommendCount = 5 },
        };

        Assert.Equal(expected, CommentThread.OrderTopLevel(roots.AsQueryable(), sort).Select(c => c.Id));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(400, 8)]
    public void PageCount_FiftyTopLevelCommentsAPage(int roots, int pages) => Assert.Equal(pages, CommentThread.PageCount(roots));

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

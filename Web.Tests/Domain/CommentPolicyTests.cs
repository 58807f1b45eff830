using Blog.Web.Domain;

namespace Blog.Web.Tests.Domain;

public sealed class CommentPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ThreadSettings Open = new(CommentMode.Open, null);

    public static TheoryData<string, bool, CommentDenial> Matrix => new()
    {
        // who, open to members, expected
        { "anonymous", false, CommentDenial.SignInRequired },
        { "anonymous", true, CommentDenial.SignInRequired },
        { "member", false, CommentDenial.SubscribersOnly },
        { "member", true, CommentDenial.None },
        { "subscriber", false, CommentDenial.None },
        { "subscriber", true, CommentDenial.None },
        { "editor", false, CommentDenial.None },
        { "suspended subscriber", false, CommentDenial.Suspended },
    };

    private static Commenter Who(string who) => who switch
    {
        "anonymous" => Commenter.Anonymous,
        "member" => new(true, false, false),
        "subscriber" => new(true, false, true),
        "editor" => new(true, true, false),
        "suspended subscriber" => new(true, false, true, Now.AddDays(2)),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Evaluate_WhoMayComment(string who, bool openToMembers, CommentDenial expected) =>
        Assert.Equal(expected, CommentPolicy.Evaluate(Who(who), Open, openToMembers, Now).Denial);

    [Theory]
    [InlineData("subscriber")]
    [InlineData("editor")]
    [InlineData("anonymous")]
    public void Evaluate_AClosedThreadIsClosedToEveryone(string who) =>
        Assert.Equal(CommentDenial.ThreadClosed, CommentPolicy.Evaluate(Who(who), new ThreadSettings(CommentMode.Closed, null), false, Now).Denial);

    [Fact]
    public void Evaluate_TheAutoCloseTimeClosesTheThread()
    {
        var thread = new ThreadSettings(CommentMode.Open, Now.AddHours(1));

        Assert.True(CommentPolicy.Evaluate(Who("subscriber"), thread, false, Now).Allowed);
        Assert.Equal(CommentDenial.ThreadClosed, CommentPolicy.Evaluate(Who("subscriber"), thread, false, Now.AddHours(1)).Denial);
    }

    [Fact]
    public void Evaluate_ASuspensionThatHasEndedNoLongerApplies() =>
        Assert.True(CommentPolicy.Evaluate(Who("suspended subscriber"), Open, false, Now.AddDays(3)).Allowed);

    [Theory]
    [InlineData(CommentDenial.SignInRequired, "Sign in to join the discussion.")]
    [InlineData(CommentDenial.SubscribersOnly, "Subscribe to comment.")]
    [InlineData(CommentDenial.ThreadClosed, "Comments are closed.")]
    public void Message_SaysTheReason(CommentDenial denial, string message) =>
        Assert.Equal(message, new CommentPermission(denial).Message);

    [Fact]
    public void Message_ForASuspensionSaysUntilWhen() =>
        Assert.Equal("You are suspended until 3 June 2026, 12:00 UTC.", new CommentPermission(CommentDenial.Suspended, Now.AddDays(2)).Message);

    [Fact]
    public void EditWindow_OnlyTheAuthorWithinTheWindow()
    {
        var comment = new Comment { Id = 1, AuthorId = "me", CreatedAt = Now, Status = CommentStatus.Published };
        var window = TimeSpan.FromMinutes(15);

        Assert.True(comment.CanBeEditedBy("me", Now.AddMinutes(15), window));
        Assert.False(comment.CanBeEditedBy("me", Now.AddMinutes(15).AddSeconds(1), window));
        Assert.False(comment.CanBeEditedBy("someone else", Now, window));
    }

    [Fact]
    public void Revise_KeepsTheEarlierTextAsARevision()
    {
        var comment = new Comment { Id = 1, AuthorId = "me", CreatedAt = Now, Body = "first", BodyHtml = "<p>first</p>", Status = CommentStatus.Published };

        var revision = comment.Revise("second", "<p>second</p>", 1, Now.AddMinutes(3));

        Assert.Equal(("first", Now), (revision.Body, revision.WrittenAt));
        Assert.Equal("second", comment.Body);
        Assert.Equal(Now.AddMinutes(3), comment.EditedAt);
    }

    [Fact]
    public void Withdraw_TwiceIsAnError()
    {
        var comment = new Comment { Status = CommentStatus.Published };
        comment.Withdraw();

        Assert.Equal(CommentStatus.Withdrawn, comment.Status);
        Assert.Throws<InvalidOperationException>(comment.Withdraw);
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(5, "5 minutes ago")]
    [InlineData(60, "1 hour ago")]
    [InlineData(60 * 49, "2 days ago")]
    [InlineData(60 * 24 * 10, "22 May 2026")]
    public void TimeText_Relative(int minutesAgo, string expected) =>
        Assert.Equal(expected, TimeText.Relative(Now.AddMinutes(-minutesAgo), Now, SiteTime.Utc));
}

using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;
using Microsoft.Extensions.Time.Testing;

namespace Blog.Web.Tests.Domain.Moderation;

public sealed class ModerationRecordTests
{
    [Theory]
    [InlineData(CommentStatus.Pending, true)]
    [InlineData(CommentStatus.Published, true)]
    [InlineData(CommentStatus.Approved, false)]
    [InlineData(CommentStatus.Rejected, false)]
    [InlineData(CommentStatus.Withdrawn, false)]
    public void Approve_OnlyFromHeldOrUnreviewed(CommentStatus from, bool allowed)
    {
        var comment = new Comment { Status = from };
        if (allowed)
        {
            comment.Approve();
            Assert.Equal(CommentStatus.Approved, comment.Status);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(comment.Approve);
            Assert.Equal(from, comment.Status);
        }
    }

    [Fact]
    public void Reject_NeedsAGroundAndRecordsTheNote()
    {
        var comment = new Comment { Status = CommentStatus.Published, IsFeatured = true };
        Assert.Throws<InvalidOperationException>(() => comment.Reject("", "x", ""));

        comment.Reject("abuse", "Removed by moderators: Abusive or harassing.", "Please keep it civil.");

        Assert.Equal((CommentStatus.Rejected, "abuse", "Please keep it civil.", false), (comment.Status, comment.ModerationCode, comment.ModeratorNote, comment.IsFeatured));
        Assert.Throws<InvalidOperationException>(() => comment.Reject("abuse", "again", ""));
    }

    [Fact]
    public void Restore_OnlyARejectedComment()
    {
        var comment = new Comment { Status = CommentStatus.Rejected };
        comment.Restore();
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Throws<InvalidOperationException>(comment.Restore);
    }

    [Fact]
    public void FeatureAndHold_OnlyVisibleComments()
    {
        Assert.Throws<InvalidOperationException>(() => new Comment { Status = CommentStatus.Pending }.Feature(true));
        Assert.Throws<InvalidOperationException>(() => new Comment { Status = CommentStatus.Rejected }.HoldForReview("reported", "x"));
        var comment = new Comment { Status = CommentStatus.Approved, IsFeatured = true };
        comment.HoldForReview("reported", "Held for review: reported by 3 readers.");
        Assert.Equal((CommentStatus.Pending, false), (comment.Status, comment.IsFeatured));
    }

    [Fact]
    public void Sanction_IsActiveFromItsStartUntilItsEndOrLifting()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sanction = new UserSanction { Kind = SanctionKind.Suspension, StartsAt = clock.GetUtcNow(), EndsAt = clock.GetUtcNow().AddHours(24) };

        Assert.True(sanction.IsActive(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(24));
        Assert.False(sanction.IsActive(clock.GetUtcNow()));

        var ban = new UserSanction { Kind = SanctionKind.Ban, StartsAt = clock.GetUtcNow() };
        clock.Advance(TimeSpan.FromDays(3650));
        Assert.True(ban.IsActive(clock.GetUtcNow()));
        ban.LiftedAt = clock.GetUtcNow();
        Assert.False(ban.IsActive(clock.GetUtcNow()));
    }

    [Fact]
    public void WordMatcher_WholeWordsCaseInsensitive()
    {
        Assert.Equal("liar", WordMatcher.FirstMatch("He is a LIAR.", ["liar"]));
        Assert.Null(WordMatcher.FirstMatch("familiar faces", ["liar"]));
        Assert.Equal("go away", WordMatcher.FirstMatch("just Go Away now", ["go away"]));
    }
}

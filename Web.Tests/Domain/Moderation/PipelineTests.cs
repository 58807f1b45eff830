using Blog.Web.Domain;
using Blog.Web.Domain.Moderation;

namespace Blog.Web.Tests.Domain.Moderation;

public sealed class PipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly AuthorStanding Regular = new(false, null, null, false, PublishedCommentCount: 10, RecentComments: []);

    private static ModerationInput Input(string body = "A fair point about the ruling.", AuthorStanding? author = null, ThreadSettings? thread = null,
        ProceedingsStatus? caseStatus = null, string[]? suppressed = null, string[]? banned = null, string[]? suspect = null,
        ModerationSettings? settings = null, bool isEdit = false) =>
        new(body, author ?? Regular, thread ?? new ThreadSettings(CommentMode.Open, null), caseStatus, (suppressed ?? []).Select(t => new SuppressedTerm(1, t)).ToList(), banned ?? [], suspect ?? [],
            settings ?? new ModerationSettings(), Now, isEdit);

    [Fact]
    public void NothingToSay_Publishes() => Assert.Equal(CommentStatus.Published, ModerationPipeline.Route(Input()).Status);

    [Fact]
    public void ThreadClosed_RefusesEvenStaff()
    {
        var closed = Input(thread: new ThreadSettings(CommentMode.Closed, null), author: AuthorStanding.Staff);
        Assert.Equal(("thread-closed", RoutingKind.Refused), Decide(new ThreadClosedPhase(), closed));
        Assert.Null(new ThreadClosedPhase().Decide(Input(thread: new ThreadSettings(CommentMode.Open, Now.AddMinutes(1)))));
        Assert.NotNull(new ThreadClosedPhase().Decide(Input(thread: new ThreadSettings(CommentMode.Open, Now))));
    }

    [Fact]
    public void Sanction_RefusesBannedAndSuspendedUntilTheEnd()
    {
        var phase = new SanctionPhase();
        Assert.Equal("Your account is banned from commenting.", phase.Decide(Input(author: Regular with { BannedSince = Now.AddDays(-1) }))!.Message);
        Assert.Equal("You are suspended until 2 May 2026, 10:00 UTC.", phase.Decide(Input(author: Regular with { SuspendedUntil = Now.AddDays(1) }))!.Message);
        Assert.Null(phase.Decide(Input(author: Regular with { SuspendedUntil = Now })));
    }

    [Fact]
    public void Flood_RefusesADuplicateWithinTheWindowAndTooManyTooFast()
    {
        var phase = new FloodPhase();
        var recent = new[] { new RecentComment("A fair  point about the RULING.", Now.AddMinutes(-3)) };
        Assert.NotNull(phase.Decide(Input(author: Regular with { RecentComments = recent })));
        Assert.Null(phase.Decide(Input(author: Regular with { RecentComments = [new("A fair point about the ruling.", Now.AddMinutes(-11))] })));

        var burst = Enumerable.Range(1, 5).Select(i => new RecentComment($"comment {i}", Now.AddMinutes(-i / 2.0))).ToArray();
        Assert.Contains("5 comments in 5 minutes", phase.Decide(Input(author: Regular with { RecentComments = burst }))!.Message);
        Assert.Null(phase.Decide(Input(author: Regular with { RecentComments = burst[..4] })));
    }

    [Fact]
    public void BannedWords_RejectWholeWordsOnlyAndSayWhich()
    {
        var phase = new BannedWordsPhase();
        var hit = phase.Decide(Input("What a SCUMBAG thing to say", banned: ["scumbag"]))!;
        Assert.Equal((CommentStatus.Rejected, RoutingKind.Stored), (hit.Status, hit.Kind));
        Assert.Contains("scumbag", hit.Message);
        Assert.Null(phase.Decide(Input("scumbaggery is a word", banned: ["scumbag"])));
    }

    [Fact]
    public void SuppressedTerms_HoldAsPossibleSuppressionBreach()
    {
        var hit = new SuppressedTermsPhase().Decide(Input("Everyone knows J. Smith did it", suppressed: ["John Smith"]))!;
        Assert.Equal((CommentStatus.Pending, "suppression"), (hit.Status, hit.ReasonCode));
        Assert.Contains("suppression order", hit.Message);
        Assert.Equal(new SuppressedTerm(1, "John Smith"), hit.Suppression);
        // The author is never told the term: that would tell them the suppressed name.
        Assert.DoesNotContain("Smith", hit.Message);
    }

    [Theory]
    [InlineData(CommentMode.PreModerated, null, false, false, 10, "article-pre-moderated")]
    [InlineData(CommentMode.Open, ProceedingsStatus.Charged, false, false, 10, "sub-judice")]
    [InlineData(CommentMode.Open, ProceedingsStatus.Trial, false, false, 10, "sub-judice")]
    [InlineData(CommentMode.Open, ProceedingsStatus.Verdict, false, false, 10, "sub-judice")]
    [InlineData(CommentMode.Open, ProceedingsStatus.Appeal, false, false, 10, "sub-judice")]
    [InlineData(CommentMode.Open, null, true, false, 10, "site-pre-moderated")]
    [InlineData(CommentMode.Open, null, false, true, 10, "author-pre-moderated")]
    [InlineData(CommentMode.Open, null, false, false, 0, "first-comments")]
    [InlineData(CommentMode.Open, ProceedingsStatus.Concluded, false, false, 10, null)]
    [InlineData(CommentMode.Open, ProceedingsStatus.ChargesLikely, false, false, 10, null)]
    public void PreModeration_HoldsForEachReason(CommentMode mode, ProceedingsStatus? status, bool site, bool author, int published, string? expected)
    {
        var decision = new PreModerationPhase().Decide(Input(thread: new ThreadSettings(mode, null), caseStatus: status,
            settings: new ModerationSettings(SitePreModerated: site), author: Regular with { AlwaysPreModerate = author, PublishedCommentCount = published }));
        Assert.Equal(expected, decision?.ReasonCode);
    }

    [Fact]
    public void Links_HoldMoreThanTheLimit()
    {
        var phase = new LinksPhase();
        Assert.Null(phase.Decide(Input("https://a.example and http://b.example")));
        Assert.Equal("links", phase.Decide(Input("https://a.example http://b.example www.c.example"))!.ReasonCode);
    }

    [Theory]
    [InlineData("See https://www.example.org and https://www.example.com", false)]
    [InlineData("See [the ruling](https://www.courtsofnz.govt.nz/x) and www.example.org", false)]
    [InlineData("HTTPS://WWW.A.EXAMPLE, http://www.b.example and www.c.example", true)]
    public void Links_AnAddressWithSchemeAndWwwCountsOnce(string body, bool held) =>
        Assert.Equal(held, new LinksPhase().Decide(Input(body)) is not null);

    [Fact]
    public void SuspectWords_Hold() =>
        Assert.Equal(CommentStatus.Pending, new SuspectWordsPhase().Decide(Input("The judge is corrupt", suspect: ["corrupt"]))!.Status);

    [Fact]
    public void Order_TheFirstPhaseThatDecidesWins()
    {
        Assert.Equal(["thread-closed", "sanction", "flood", "banned-words", "suppression", "pre-moderation", "links", "suspect-words"],
            ModerationPipeline.Phases.Select(p => p.Name));
        // Banned words come before suppression: rejected, not merely held.
        Assert.Equal(CommentStatus.Rejected, ModerationPipeline.Route(Input("scumbag John Smith", banned: ["scumbag"], suppressed: ["John Smith"])).Status);
        // Suppression before pre-moderation: the more serious reason is the one recorded.
        Assert.Equal("suppression", ModerationPipeline.Route(Input("John Smith again", suppressed: ["John Smith"],
            thread: new ThreadSettings(CommentMode.PreModerated, null))).ReasonCode);
        // A closed thread refuses before a sanction is even considered.
        Assert.Equal("thread-closed", ModerationPipeline.Route(Input(thread: new ThreadSettings(CommentMode.Closed, null),
            author: Regular with { BannedSince = Now })).Rule);
    }

    [Fact]
    public void Staff_SkipTheContentPhases()
    {
        var staff = Input("scumbag John Smith https://a https://b https://c corrupt", author: AuthorStanding.Staff, banned: ["scumbag"],
            suppressed: ["John Smith"], suspect: ["corrupt"], thread: new ThreadSettings(CommentMode.PreModerated, null));
        Assert.Equal(CommentStatus.Published, ModerationPipeline.Route(staff).Status);
    }

    [Fact]
    public void Edits_AreScreenedButNotFloodCheckedOrHeldAsFirstComments()
    {
        var edit = Input("Now naming John Smith", suppressed: ["John Smith"], isEdit: true, author: Regular with { PublishedCommentCount = 0 });
        Assert.Equal("suppression", ModerationPipeline.Route(edit).ReasonCode);
        Assert.Equal(CommentStatus.Published, ModerationPipeline.Route(Input(isEdit: true, author: Regular with { PublishedCommentCount = 0 })).Status);
    }

    private static (string, RoutingKind) Decide(IModerationPhase phase, ModerationInput input) =>
        phase.Decide(input) is { } d ? (d.Rule, d.Kind) : ("", RoutingKind.Stored);
}

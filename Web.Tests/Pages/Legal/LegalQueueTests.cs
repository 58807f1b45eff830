using System.Net;
using System.Text.Json;
using Blog.Web.Domain.Legal;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Blog.Web.Tests.Pages.Legal.Complaints;

namespace Blog.Web.Tests.Pages.Legal;

/// <summary>What staff see of complaints, who may read a withheld identity, and the public transparency report.</summary>
public sealed class LegalQueueTests : IDisposable
{
    private readonly BlogAppFactory factory = new(extra: ByHand);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task OnlyLegalStaff_ReadAWithheldIdentity_AndEachReadIsLogged()
    {
        var comment = await CommentAsync(factory);
        var reference = await FileAsync(factory, comment.Id);
        var complaint = await LoadAsync(factory, reference);
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var (legal, legalUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Legal);

        foreach (var url in new[] { $"/moderation/complaints/{complaint.Id}", $"/moderation/complaints/{complaint.Id}?identity=show" })
        {
            var html = await (await editor.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains(reference, html);
            Assert.DoesNotContain(ComplainantName, html);
            Assert.DoesNotContain(ComplainantEmail, html);
        }

        var plain = await (await legal.GetAsync($"/moderation/complaints/{complaint.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(ComplainantName, plain);
        Assert.DoesNotContain(ComplaintEventKind.IdentityRead, await EventsAsync(factory, reference));

        var shown = await (await legal.GetAsync($"/moderation/complaints/{complaint.Id}?identity=show")).Content.ReadAsStringAsync();
        Assert.Contains(ComplainantName, shown);
        Assert.Contains(ComplainantEmail, shown);
        var read = await factory.WithDbAsync(db => db.ComplaintEvents.AsNoTracking().SingleAsync(e => e.ComplaintId == complaint.Id && e.Kind == ComplaintEventKind.IdentityRead));
        Assert.Equal(legalUser.Id, read.ActorId);
    }

    [Fact]
    public async Task TheQueue_PutsOverdueFirst_ThenTheNearestDeadline_AndWarnsWithin24Hours()
    {
        var later = await CommentAsync(factory);
        await FileAsync(factory, later.Id, "nsw-defamation");
        var sooner = await CommentAsync(factory);
        var soonerRef = await FileAsync(factory, sooner.Id);
        var unreachable = await CommentAsync(factory, confirmedAuthor: false);
        var overdueRef = await FileAsync(factory, unreachable.Id);
        // 48 hours on, without the job running: the unreachable author's notice deadline has just passed.
        factory.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        await factory.WithDbAsync(db => db.Complaints.Where(c => c.Reference == soonerRef).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, factory.Clock.GetUtcNow().AddHours(5))));

        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var page = await editor.GetDocumentAsync("/moderation/legal");
        var rows = page.QuerySelectorAll("table.legal-queue tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(overdueRef, rows[0].TextContent);
        Assert.Contains("overdue", rows[0].ClassName);
        Assert.Contains("Overdue by", rows[0].TextContent);
        Assert.Contains(soonerRef, rows[1].TextContent);
        Assert.Contains("due-soon", rows[1].ClassName);
        Assert.Contains("within 24 hours", rows[1].TextContent);
        Assert.Equal("", rows[2].ClassName ?? "");
    }

    [Fact]
    public async Task TheTransparencyReport_CountsNoticesActionsAndAppeals_AsHtmlJsonAndCsv()
    {
        var consented = await CommentAsync(factory);
        await AnswerAsync(consented, await FileAsync(factory, consented.Id, "uk-defamation"));
        var kept = await CommentAsync(factory);
        await AnswerAsync(kept, await FileAsync(factory, kept.Id), "It is accurate.");
        factory.Clock.Advance(TimeSpan.FromHours(2));

        var reader = factory.CreateAnonymousClient();
        var json = await reader.GetAsync("/transparency.json?from=2026-11-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var figures = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = figures.RootElement;
        Assert.Equal(2, root.GetProperty("noticeTotal").GetInt32());
        Assert.Equal(1, root.GetProperty("restrictions").GetInt32());
        Assert.Equal(0, root.GetProperty("automated").GetInt32());
        Assert.Contains(root.GetProperty("notices").EnumerateArray(), n => n.GetProperty("group").GetString()!.Contains("United Kingdom", StringComparison.Ordinal) && n.GetProperty("number").GetInt32() == 1);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("medianHoursNoticeToAction").ValueKind);

        var csv = await (await reader.GetAsync("/transparency.csv?from=2026-11-01&to=2026-11-30")).Content.ReadAsStringAsync();
        Assert.StartsWith("section,group,item,number\n", csv, StringComparison.Ordinal);
        Assert.Contains("actions,all,restrictions,1\n", csv, StringComparison.Ordinal);

        var page = await reader.GetDocumentAsync("/transparency?from=2026-11-01&to=2026-11-30");
        Assert.Contains("2 in all", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Another period counts nothing; a nonsense one is refused, with the reason.
        using var empty = JsonDocument.Parse(await (await reader.GetAsync("/transparency.json?from=2025-01-01&to=2025-12-31")).Content.ReadAsStringAsync());
        Assert.Equal(0, empty.RootElement.GetProperty("noticeTotal").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/transparency.json?from=2026-12-01&to=2026-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/transparency.csv?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/transparency?to=2026-13-45")).StatusCode);
    }
}

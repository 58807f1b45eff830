using Blog.Web.Domain;
using Blog.Web.Domain.Legal;
using Blog.Web.Services.Legal;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages.Legal;

/// <summary>A published comment by a signed-in subscriber, for a complaint to be about.</summary>
public sealed record ComplainedComment(long Id, string Slug, string Body, HttpClient Author, TestUser AuthorUser);

/// <summary>Filing complaints through the public form, and reading what they became.</summary>
public static class Complaints
{
    public const string ComplainantName = "Winifred Oyelaran-Quist";

    public const string ComplainantEmail = "winifred.complainant@example.org";

    /// <summary>Jobs run by hand in these tests: each decides when the clock moves and when the deadline job runs.</summary>
    public static readonly Dictionary<string, string?> ByHand = new() { ["Jobs:Enabled"] = "false" };

    public static async Task<ComplainedComment> CommentAsync(BlogAppFactory factory, bool confirmedAuthor = true)
    {
        var slug = await Discussions.PublishArticleAsync(factory);
        var (author, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Subscriber);
        var body = $"The receiver in this case is plainly on the take {Guid.NewGuid():N}";
        var id = Discussions.CommentIdFrom(await author.CommentAsync(slug, body));
        if (!confirmedAuthor)
        {
            await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        }

        return new ComplainedComment(id, slug, body, author, user);
    }

    public static Dictionary<string, string> Form(string regime = "nz-hdca", bool share = false) => new()
    {
        ["Input.Regime"] = regime,
        ["Input.Ground"] = nameof(ComplaintGround.Defamation),
        ["Input.Name"] = ComplainantName,
        ["Input.Email"] = ComplainantEmail,
        ["Input.Phone"] = "+64 21 555 0199",
        ["Input.Address"] = "12 Example Terrace, Thorndon, Wellington",
        ["Input.WhatIsWrong"] = "The claim that the receiver is on the take.",
        ["Input.Why"] = "It accuses an identifiable officer of the court of corruption, which is untrue.",
        ["Input.ShareIdentity"] = share ? "true" : "false",
        ["Input.Declared"] = "true",
    };

    /// <summary>Files a complaint as an anonymous reader; returns its reference.</summary>
    public static async Task<string> FileAsync(BlogAppFactory factory, long commentId, string regime = "nz-hdca", bool share = false)
    {
        var response = await factory.CreateBrowserClient().PostFormAsync($"/comments/{commentId}/complaint", Form(regime, share));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Location()!.Split('/').Last();
    }

    public static Task<Complaint> LoadAsync(BlogAppFactory factory, string reference) =>
        factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Reference == reference));

    public static Task<List<ComplaintEventKind>> EventsAsync(BlogAppFactory factory, string reference) =>
        factory.WithDbAsync(db => db.ComplaintEvents.AsNoTracking()
            .Where(e => db.Complaints.Any(c => c.Id == e.ComplaintId && c.Reference == reference)).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    /// <summary>One pass of the deadline job on this instance, as a round would run it.</summary>
    public static Task<int> RunDeadlinesAsync(BlogAppFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<ComplaintDeadlines>().RunAsync(CancellationToken.None));

    /// <summary>The author answers on their complaint page: consent, or a counter-notice.</summary>
    public static Task<HttpResponseMessage> AnswerAsync(ComplainedComment comment, string reference, string? counterNotice = null) =>
        counterNotice is null
            ? comment.Author.PostFormAsync($"/account/complaints/{reference}", new Dictionary<string, string>(), formSelector: "form[action*='handler=Consent']")
            : comment.Author.PostFormAsync($"/account/complaints/{reference}",
                new Dictionary<string, string> { ["CounterNotice"] = counterNotice, ["Declared"] = "true" }, formSelector: "form[action*='handler=CounterNotice']");
}

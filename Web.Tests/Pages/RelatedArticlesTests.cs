using Blog.Web.Tests.Support;

namespace Blog.Web.Tests.Pages;

/// <summary>Related coverage under an article: the same case first, then the most shared tags, never drafts or itself.</summary>
public sealed class RelatedArticlesTests(EmptySiteFactory factory) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task SameCaseComesFirst_ThenMostSharedTags_AndANewArticleJoinsOnTheNextRequest()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var run = Guid.NewGuid().ToString("N")[..6];
        var (tagA, tagB) = ($"Costs {run}", $"Appeals {run}");
        var caseId = await editor.CreateCaseAsync($"Tui v Rata {run}");

        async Task<string> PublishAsync(string title, string tags = "", int? onCase = null, string command = "publish")
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var edit = await editor.CreateArticleAsync(Newsroom.Article($"{title} {run}", tags: tags, caseId: onCase), command);
            return (await editor.GetDocumentAsync(edit)).QuerySelector("#Input_Slug")!.GetAttribute("value")!;
        }

        var sameCase = await PublishAsync("Earlier ruling in the same case", onCase: caseId);
        var oneTag = await PublishAsync("Shares one tag", tags: tagA);
        var twoTags = await PublishAsync("Shares both tags", tags: $"{tagA}, {tagB}");
        await PublishAsync("Unrelated story", tags: $"Other {run}");
        await PublishAsync("Draft in the same case", onCase: caseId, command: "save");
        var slug = await PublishAsync("The main story", tags: $"{tagA}, {tagB}", onCase: caseId);
        var reader = factory.CreateBrowserClient();

        async Task<List<string>> RelatedAsync() =>
            (await reader.GetDocumentAsync($"/articles/{slug}")).QuerySelectorAll(".related-list a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal([$"/articles/{sameCase}", $"/articles/{twoTags}", $"/articles/{oneTag}"], await RelatedAsync());

        var later = await PublishAsync("A later hearing in the same case", onCase: caseId);
        Assert.Equal([$"/articles/{later}", $"/articles/{sameCase}", $"/articles/{twoTags}", $"/articles/{oneTag}"], await RelatedAsync());
    }

    [Fact]
    public async Task AnArticleWithNothingInCommon_ShowsNoRelatedSection()
    {
        var (editor, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        var edit = await editor.CreateArticleAsync(Newsroom.Article($"Alone {Guid.NewGuid():N}"[..12]), "publish");
        var slug = (await editor.GetDocumentAsync(edit)).QuerySelector("#Input_Slug")!.GetAttribute("value")!;

        Assert.Null((await factory.CreateBrowserClient().GetDocumentAsync($"/articles/{slug}")).QuerySelector("section.related"));
    }
}

using System.Net;
using Blog.Web.Domain;
using Blog.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages.Admin;

/// <summary>/admin/users/{id}: roles, locks, sessions and the confirmation mail, each on the account's record.</summary>
public sealed class AccountAdminTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    private static string Page(TestUser user) => $"/admin/users/{Uri.EscapeDataString(user.Id)}";

    private static Task<HttpResponseMessage> RoleAsync(HttpClient admin, TestUser user, string role, string reason) =>
        admin.PostFormAsync(Page(user), new Dictionary<string, string> { ["reason"] = reason }, formSelector: $"#role-{role.ToLowerInvariant()} form");

    private static Task<HttpStatusCode> StatusOfAsync(HttpClient client, string url) => client.GetAsync(url).ContinueWith(t => t.Result.StatusCode);

    private static async Task<bool> SignedInAsync(HttpClient client) => (await client.GetAsync("/account/manage")).StatusCode == HttpStatusCode.OK;

    private Task<List<AccountEvent>> RecordOfAsync(TestUser user) =>
        factory.WithDbAsync(db => db.AccountEvents.Where(e => e.UserId == user.Id).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task AMemberMadeAnEditor_CanOpenTheNewsroom_InTheSessionTheyAlreadyHave()
    {
        var (admin, adminUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (member, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(member, "/editor"));

        var made = await RoleAsync(admin, user, Roles.Editor, "Covers the District Court from Monday.");
        Assert.Equal(Page(user), made.Location());

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(member, "/editor"));
        var record = Assert.Single(await RecordOfAsync(user));
        Assert.Equal((AccountEventKind.RoleGranted, Roles.Editor, adminUser.Id, "Covers the District Court from Monday."),
            (record.Kind, record.Detail, record.ActorId, record.Reason));
        var page = await admin.GetDocumentAsync(Page(user));
        Assert.Contains("Covers the District Court from Monday.", page.QuerySelector("#account-record")!.TextContent);
        Assert.Contains("Remove Editor", page.QuerySelector("#role-editor button")!.TextContent);
    }

    [Fact]
    public async Task RemovingARole_EndsEverySessionTheyHave()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (editor, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Editor);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(editor, "/editor"));

        var removed = await RoleAsync(admin, user, Roles.Editor, "Left the newsroom.");
        Assert.Equal(Page(user), removed.Location());

        Assert.False(await SignedInAsync(editor));
        Assert.Equal(0, await factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == user.Id)));
        Assert.Equal(AccountEventKind.RoleRemoved, (await RecordOfAsync(user)).Single().Kind);
    }

    [Fact]
    public async Task AChangeWithoutAReason_IsRefusedBesideItsForm_AndChangesNothing()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);

        var refused = await RoleAsync(admin, user, Roles.Admin, "   ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give a reason", (await Html.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);

        var tooLong = new string('x', AccountEvent.ReasonMaxLength + 1);
        var page = await Html.ParseAsync(await RoleAsync(admin, user, Roles.Admin, tooLong));
        Assert.Contains("300 characters", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(tooLong, page.QuerySelector("#reason-role-Admin")!.GetAttribute("value"));

        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<BlogUser>>().IsInRoleAsync(new BlogUser { Id = user.Id }, Roles.Admin)));
        Assert.Empty(await RecordOfAsync(user));
    }

    [Fact]
    public async Task ALockedAccount_IsSignedOut_IsToldWhyAtSignIn_AndSignsInAgainOnceUnlocked()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (member, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);

        var locked = await admin.PostFormAsync(Page(user), new Dictionary<string, string> { ["reason"] = "Threatened a witness." }, formSelector: "form[action*='handler=lock']");
        Assert.Equal(Page(user), locked.Location());
        Assert.False(await SignedInAsync(member));

        var refused = await Html.ParseAsync(await factory.CreateBrowserClient().SignInAsync(user.Email, user.Password));
        Assert.Contains("locked by the site's administrators", refused.QuerySelector(".form-errors")!.TextContent);
        var wrongPassword = await Html.ParseAsync(await factory.CreateBrowserClient().SignInAsync(user.Email, "not the password at all"));
        Assert.DoesNotContain("locked", wrongPassword.QuerySelector(".form-errors")!.TextContent);

        Assert.Contains("Locked by an admin", (await admin.GetDocumentAsync(Page(user))).QuerySelector("#lock-state")!.TextContent);
        Assert.Contains(user.DisplayName, (await admin.GetDocumentAsync("/admin?standing=Locked")).QuerySelector("#accounts")!.TextContent);

        var unlocked = await admin.PostFormAsync(Page(user), new Dictionary<string, string> { ["reason"] = "Apologised in writing." }, formSelector: "form[action*='handler=unlock']");
        Assert.Equal(Page(user), unlocked.Location());
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal([AccountEventKind.Locked, AccountEventKind.Unlocked], (await RecordOfAsync(user)).Select(e => e.Kind));
    }

    [Fact]
    public async Task AnAdmin_CannotLockThemselves()
    {
        var (admin, adminUser) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var page = await admin.GetDocumentAsync(Page(adminUser));
        Assert.Null(page.QuerySelector("form[action*='handler=lock']"));

        var refused = await admin.PostFormAsync(Page(adminUser), new Dictionary<string, string> { ["reason"] = "Testing." },
            postUrl: Page(adminUser) + "?handler=lock", formSelector: "#role-editor form");
        Assert.Contains("cannot lock your own account", (await Html.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        Assert.True(await SignedInAsync(admin));
    }

    [Fact]
    public async Task OneSessionEnded_SignsOutThatDeviceOnly()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var (laptop, user) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var phone = factory.CreateBrowserClient();
        await phone.SignInAsync(user.Email, user.Password);

        var page = await admin.GetDocumentAsync(Page(user));
        Assert.Equal(2, page.QuerySelectorAll("#sessions tbody tr").Length);
        var laptopSession = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id).OrderBy(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
        Assert.DoesNotContain(laptopSession, page.Source.Text);

        var handle = Blog.Web.Services.Accounts.AccountAdministration.Handle(laptopSession);
        var ended = await admin.PostFormAsync(Page(user), new Dictionary<string, string> { ["reason"] = "Reported the laptop stolen." },
            formSelector: $"#end-{handle}");
        Assert.Equal(Page(user), ended.Location());

        Assert.False(await SignedInAsync(laptop));
        Assert.True(await SignedInAsync(phone));
        var record = (await RecordOfAsync(user)).Single();
        Assert.Equal((AccountEventKind.SessionsEnded, "one session"), (record.Kind, record.Detail));
    }

    [Fact]
    public async Task AnUnconfirmedAccount_GetsItsConfirmationMailAgain()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BlogUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            account.EmailConfirmed = false;
            await users.UpdateAsync(account);
        });
        Assert.Empty(factory.Mailbox.To(user.Email));

        var sent = await admin.PostFormAsync(Page(user), new Dictionary<string, string>(), formSelector: "form[action*='handler=resend']");
        Assert.Equal(Page(user), sent.Location());

        var link = factory.Mailbox.LatestLinkTo(user.Email);
        Assert.StartsWith("/account/confirm-email?", link);
        Assert.Equal("/account/login", (await factory.CreateBrowserClient().PostFormAsync(link, new Dictionary<string, string>())).Location());
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.Equal(AccountEventKind.ConfirmationResent, (await RecordOfAsync(user)).Single().Kind);
    }

    [Fact]
    public async Task TheList_FiltersByRoleSubscriptionAndSanction_AndFindsANameInAnyCase()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var editor = await TestUsers.CreateAsync(factory, TestRole.Editor, displayName: $"Ngaio {tag} Editor");
        var subscriber = await TestUsers.CreateAsync(factory, TestRole.Subscriber, displayName: $"Ngaio {tag} Subscriber");
        var member = await TestUsers.CreateAsync(factory, TestRole.Member, displayName: $"Ngaio {tag} Member");

        async Task<string[]> NamesAsync(string query)
        {
            var page = await admin.GetDocumentAsync($"/admin?q=ngaio+{tag}{query}");
            return page.QuerySelectorAll("#accounts tbody tr td:first-child a").Select(a => a.TextContent).Order().ToArray();
        }

        Assert.Equal([editor.DisplayName, member.DisplayName, subscriber.DisplayName], await NamesAsync(""));
        Assert.Equal([editor.DisplayName], await NamesAsync("&role=Editor"));
        Assert.Equal([member.DisplayName, subscriber.DisplayName], await NamesAsync("&role=none"));
        Assert.Equal([subscriber.DisplayName], await NamesAsync("&subscription=Subscribers"));
        Assert.Equal([editor.DisplayName, member.DisplayName], await NamesAsync("&subscription=NotSubscribers"));
        Assert.Empty(await NamesAsync("&standing=Sanctioned"));

        await factory.WithDbAsync(async db =>
        {
            db.UserSanctions.Add(new Blog.Web.Domain.Moderation.UserSanction
            {
                UserId = member.Id, Kind = Blog.Web.Domain.Moderation.SanctionKind.Suspension, Reason = "Abuse",
                ActorId = editor.Id, StartsAt = factory.Clock.GetUtcNow().AddHours(-1), EndsAt = factory.Clock.GetUtcNow().AddDays(7),
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal([member.DisplayName], await NamesAsync("&standing=Sanctioned"));

        var none = await admin.GetDocumentAsync($"/admin?q=nobody-{tag}");
        Assert.Contains("No account matches", none.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task LegalStaff_Moderate_ButNeitherPublishNorAdminister()
    {
        var (legal, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Legal);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(legal, "/moderation"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(legal, "/moderation/orders"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(legal, "/editor"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(legal, "/admin"));
        var nav = (await legal.GetDocumentAsync("/")).QuerySelector(".account-nav")!.TextContent;
        Assert.Contains("Moderation", nav);
        Assert.DoesNotContain("Newsroom", nav);
    }

    [Fact]
    public async Task TheAccountRecord_IsAppendOnly()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var user = await TestUsers.CreateAsync(factory, TestRole.Member);
        await RoleAsync(admin, user, Roles.Legal, "Joins as counsel.");

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(async db =>
        {
            var entry = await db.AccountEvents.FirstAsync(e => e.UserId == user.Id);
            entry.Reason = "Something else";
            return await db.SaveChangesAsync();
        }));
    }
}

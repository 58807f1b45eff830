using System.Net;
using Blog.Web.Services.Demo;
using Blog.Web.Services.Subscriptions;
using Blog.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Web.Tests.Pages;

public sealed class GiftCodeAdminTests(DemoSiteFactory factory) : IClassFixture<DemoSiteFactory>
{
    private static Dictionary<string, string> Form(string code, string label, int days = 30, int uses = 5) => new()
    {
        ["Input.Code"] = code, ["Input.Label"] = label,
        ["Input.Days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Uses"] = uses.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private Task<SubscriptionResult> RedeemAsync(string userId, string code) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().RedeemAsync(userId, code, CancellationToken.None));

    private Task<int> IdOfAsync(string code) => factory.WithDbAsync(db => db.GiftCodes.Where(g => g.Code == code).Select(g => g.Id).SingleAsync());

    [Fact]
    public async Task AnAdmin_ChoosesTheTextAndALabel_AndSeesWhoRedeemedItAndWhen()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        var made = await admin.PostFormAsync("/admin/gift-codes", Form("law school-2027", "Law school 2027"));
        Assert.Equal("/admin/gift-codes", made.Location());

        var list = await admin.GetDocumentAsync("/admin/gift-codes");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("LAWSCHOOL-2027"));
        Assert.Contains("Law school 2027", row.TextContent);
        Assert.Contains("Active", row.TextContent);

        var id = await IdOfAsync("LAWSCHOOL-2027");
        Assert.Contains("Nobody has redeemed", (await admin.GetDocumentAsync($"/admin/gift-codes/{id}")).QuerySelector(".empty")!.TextContent);

        var (reader, member) = await TestUsers.SignedInClientAsync(factory, TestRole.Member);
        var redeemed = await reader.PostFormAsync("/subscribe", new Dictionary<string, string> { ["code"] = "lawschool-2027" }, formSelector: "form[action*='handler=redeem']");
        Assert.Equal("/account/manage/subscription", redeemed.Location());

        var page = await admin.GetDocumentAsync($"/admin/gift-codes/{id}");
        var redeemer = page.QuerySelector("#redeemers tbody tr")!;
        Assert.Contains(member.DisplayName, redeemer.TextContent);
        Assert.Contains(TypedTime.Zone.Text(factory.Clock.GetUtcNow()), redeemer.TextContent);
        Assert.Equal("4", page.QuerySelectorAll(".facts dd")[2].TextContent.Trim());
    }

    [Fact]
    public async Task ACodeThatExists_OrABadOne_IsRefused_KeepingWhatWasTyped()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/gift-codes", Form("CLINIC-2027", "Clinic"))).StatusCode);

        var again = await admin.PostFormAsync("/admin/gift-codes", Form("clinic-2027", "Second clinic", days: 60));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await Html.ParseAsync(again);
        Assert.Contains("CLINIC-2027 exists already", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Second clinic", page.QuerySelector("#label")!.GetAttribute("value"));
        Assert.Equal("60", page.QuerySelector("#days")!.GetAttribute("value"));
        Assert.Equal("clinic-2027", page.QuerySelector("#code")!.GetAttribute("value"));

        var tooShort = await Html.ParseAsync(await admin.PostFormAsync("/admin/gift-codes", Form("ab!", "Short")));
        Assert.Contains("4 to 40 letters", tooShort.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(1, await factory.WithDbAsync(db => db.GiftCodes.CountAsync(g => g.Code.StartsWith("CLINIC"))));

        // Left empty, the code is made: twelve characters in three groups.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/gift-codes", Form("", "Made for me"))).StatusCode);
        var generated = await factory.WithDbAsync(db => db.GiftCodes.Where(g => g.Label == "Made for me").Select(g => g.Code).SingleAsync());
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", generated);
    }

    [Fact]
    public async Task AStoppedCode_IsRefused_WhatItGaveStays_AndRestartedItWorksAgain()
    {
        var (admin, _) = await TestUsers.SignedInClientAsync(factory, TestRole.Admin);
        await admin.PostFormAsync("/admin/gift-codes", Form("MOOT-2027", "Moot court"));
        var id = await IdOfAsync("MOOT-2027");
        var early = await TestUsers.CreateAsync(factory, TestRole.Member);
        var late = await TestUsers.CreateAsync(factory, TestRole.Member);
        Assert.True((await RedeemAsync(early.Id, "MOOT-2027")).Succeeded);

        var stopped = await admin.PressAsync($"/admin/gift-codes/{id}", "form[action*='handler=disable'] button");
        Assert.Equal($"/admin/gift-codes/{id}", stopped.Location());
        Assert.StartsWith("Stopped", (await admin.GetDocumentAsync($"/admin/gift-codes/{id}")).QuerySelector("#gift-code-state")!.TextContent);

        Assert.Equal("That gift code is no longer valid.", (await RedeemAsync(late.Id, "MOOT-2027")).Message);
        Assert.True(await factory.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.UserId == early.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.UserId == late.Id)));

        await admin.PressAsync($"/admin/gift-codes/{id}", "form[action*='handler=enable'] button");
        Assert.True((await RedeemAsync(late.Id, "MOOT-2027")).Succeeded);
    }

    [Fact]
    public async Task TheDemoSite_HasAStoppedCode_ThatReadersAreToldIsNoLongerValid()
    {
        var reader = await TestUsers.CreateAsync(factory, TestRole.Member);
        Assert.Equal("That gift code is no longer valid.", (await RedeemAsync(reader.Id, "lawschool-2025")).Message);
        Assert.True((await RedeemAsync(reader.Id, DemoSeeder.DemoGiftCode)).Succeeded);
    }
}

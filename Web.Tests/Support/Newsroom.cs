using System.Net;
using Blog.Web.Domain;

namespace Blog.Web.Tests.Support;

/// <summary>Drives the newsroom's article and case forms the way an editor does.</summary>
public static class Newsroom
{
    public static Dictionary<string, string> Article(string title, string body = "A first paragraph.\n\nA second paragraph.\n\nA third paragraph.",
        string standfirst = "What happened, in one sentence.", string? slug = null, string tags = "", int? caseId = null, string visibility = "Everyone") => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug ?? "",
        ["Input.Standfirst"] = standfirst,
        ["Input.Body"] = body,
        ["Input.Tags"] = tags,
        ["Input.CaseId"] = caseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.Visibility"] = visibility,
        ["Input.CommentMode"] = "Open",
        ["Input.CorrectionsNote"] = "",
    };

    /// <summary>Submits the article form with a button (preview, save, publish, schedule, unpublish); returns the response.</summary>
    public static Task<HttpResponseMessage> SubmitArticleAsync(this HttpClient editor, string formUrl, Dictionary<string, string> fields, string command, DateTimeOffset? scheduleAt = null)
    {
        var form = new Dictionary<string, string>(fields) { ["command"] = command };
        if (scheduleAt is { } at)
        {
            form["Input.ScheduleAt"] = TypedTime.Of(at);
        }

        return editor.PostFormAsync(formUrl, form, formSelector: "form.editor-form");
    }

    /// <summary>Creates an article through the form and returns its edit URL.</summary>
    public static async Task<string> CreateArticleAsync(this HttpClient editor, Dictionary<string, string> fields, string command = "save", DateTimeOffset? scheduleAt = null)
    {
        var response = await editor.SubmitArticleAsync("/editor/articles/new", fields, command, scheduleAt);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            throw new InvalidOperationException($"Creating the article failed ({(int)response.StatusCode}): {string.Join(" | ", Html.Errors(page))}");
        }

        return response.Location()!;
    }

    public static async Task<int> CreateCaseAsync(this HttpClient editor, string name, string citations = "", string court = "High Court", string jurisdiction = "New Zealand", string status = "None", string summary = "")
    {
        var response = await editor.PostFormAsync("/editor/cases/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Citations"] = citations,
            ["Input.Court"] = court,
            ["Input.Jurisdiction"] = jurisdiction,
            ["Input.Status"] = status,
            ["Input.Summary"] = summary,
        }, formSelector: "form.editor-form");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Creating the case failed ({(int)response.StatusCode}).");
        }

        // /editor/cases/{id}/edit
        return int.Parse(response.Location()!.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Times as the site's forms take them: typed in the site's zone (the default one in tests).</summary>
public static class TypedTime
{
    public static readonly SiteTime Zone = SiteTime.Find(SiteTime.DefaultZone)!;

    /// <summary>A datetime-local field's value for <paramref name="at"/>.</summary>
    public static string Of(DateTimeOffset at) => Zone.ForInput(at);
}

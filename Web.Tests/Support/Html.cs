using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Blog.Web.Tests.Support;

/// <summary>Parses pages and posts their forms the way a browser would, antiforgery token included.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(AngleSharp.Configuration.Default);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (IHtmlDocument)await Context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    public static string AntiforgeryToken(IDocument document, string? formSelector = null)
    {
        var scope = formSelector is null ? (IParentNode)document : document.QuerySelector(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector}.");
        return scope.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/> and submits its form like a browser: every field the form carries (hidden ones,
    /// the antiforgery token) plus <paramref name="fields"/>, to the form's action unless <paramref name="postUrl"/> says otherwise.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null, string? formSelector = null)
    {
        var page = await client.GetAsync(pageUrl);
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}.");
        }

        var document = await ParseAsync(page);
        var form = (formSelector is null
                ? document.QuerySelector("main form[method=post]") ?? document.QuerySelector("form[method=post]")
                : document.QuerySelector(formSelector))
            as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var values = Fields(form);
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);

        var action = postUrl ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            action = pageUrl;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Submits the page's form as multipart/form-data, as a browser does when the form carries a file: the form's own
    /// fields, <paramref name="fields"/>, and <paramref name="file"/> under its field name.
    /// </summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields,
        (string Field, string FileName, string ContentType, byte[] Bytes)? file, string? formSelector = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = (formSelector is null ? document.QuerySelector("main form[method=post]") : document.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var values = Fields(form);
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(f.ContentType);
            content.Add(part, f.Field, f.FileName);
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, content);
    }

    /// <summary>
    /// Presses a submit button as a browser does: the button's form (its <c>form</c> attribute or the form around
    /// it) is sent with its fields to the button's <c>formaction</c>, or the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient client, string pageUrl, string buttonSelector)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var button = document.QuerySelector(buttonSelector) as IHtmlButtonElement
            ?? throw new InvalidOperationException($"No button {buttonSelector} on {pageUrl}.");
        var form = button.Form ?? throw new InvalidOperationException($"The button {buttonSelector} on {pageUrl} belongs to no form.");
        var action = button.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, new FormUrlEncodedContent(Fields(form)));
    }

    /// <summary>What a browser sends for a form: its named inputs (checked boxes only), text areas and selects.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        foreach (var textarea in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            values.Add(new(textarea.Name!, textarea.Value));
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            // As a browser does: the selected options, or the first option of a single-choice list.
            var chosen = select.Options.Where(o => o.IsSelected).ToList();
            if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
            {
                chosen.Add(select.Options[0]!);
            }

            values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
        }

        return values;
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static IReadOnlyList<string> Errors(IDocument document) =>
        document.QuerySelectorAll(".form-errors li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}

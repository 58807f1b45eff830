using AngleSharp.Html.Parser;

namespace Blog.Web.Services;

public static class ArticleHtml
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Splits sanitised article HTML after its <paramref name="paragraphs"/>th top-level paragraph, where the
    /// in-article ad slot goes. Short articles come back whole, with nothing after.
    /// </summary>
    public static (string Before, string After) SplitAfterParagraphs(string html, int paragraphs)
    {
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        var seen = 0;
        var children = body.Children.ToList();
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].LocalName == "p" && ++seen == paragraphs && i < children.Count - 1)
            {
                return (string.Concat(children.Take(i + 1).Select(c => c.OuterHtml)), string.Concat(children.Skip(i + 1).Select(c => c.OuterHtml)));
            }
        }

        return (html, "");
    }
}

using AngleSharp.Html.Parser;

namespace Blog.Web.Services;

public static class ArticleHtml
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] Headings = ["h2", "h3", "h4", "h5", "h6"];

    /// <summary>
    /// Splits sanitised article HTML for the in-article ad slot: after the <paramref name="paragraphs"/>th top-level
    /// paragraph, at the first place that does not cut a thought in two (before a heading, or between two
    /// paragraphs where the first does not introduce what follows). Short articles come back whole.
    /// </summary>
    public static (string Before, string After) SplitAfterParagraphs(string html, int paragraphs)
    {
        var children = Parser.ParseDocument($"<body>{html}</body>").Body!.Children.ToList();
        var seen = 0;
        var start = -1;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].LocalName == "p" && ++seen == paragraphs)
            {
                start = i + 1;
                break;
            }
        }

        for (var j = Math.Max(start, 1); start > 0 && j < children.Count; j++)
        {
            var next = children[j];
            var previous = children[j - 1];
            var clean = Headings.Contains(next.LocalName)
                || (next.LocalName == "p" && previous.LocalName == "p" && !previous.TextContent.TrimEnd().EndsWith(':'));
            if (clean)
            {
                return (string.Concat(children.Take(j).Select(c => c.OuterHtml)), string.Concat(children.Skip(j).Select(c => c.OuterHtml)));
            }
        }

        return (html, "");
    }
}

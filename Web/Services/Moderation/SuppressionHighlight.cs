using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Blog.Web.Domain.Moderation;

namespace Blog.Web.Services.Moderation;

/// <summary>
/// Marks, for a moderator, the words of a comment that matched a suppressed term (however they were written:
/// "J. S m i t h" has its letters marked too). Works on the sanitised HTML's text nodes only and adds nothing but
/// &lt;mark&gt; elements, so the result is as safe as what the sanitiser produced.
/// </summary>
public static class SuppressionHighlight
{
    private static readonly HtmlParser Parser = new();

    public static string Mark(string sanitizedHtml, string term)
    {
        var document = Parser.ParseDocument($"<body>{sanitizedHtml}</body>");
        var body = document.Body!;
        var texts = body.Descendants<IText>().ToList();
        foreach (var text in texts)
        {
            var value = text.Data;
            var pieces = Split(value);
            if (!pieces.Any(p => p.IsWord && SuppressionMatcher.IsPartOf(p.Text, term)))
            {
                continue;
            }

            var fragment = document.CreateDocumentFragment();
            foreach (var piece in pieces)
            {
                if (piece.IsWord && SuppressionMatcher.IsPartOf(piece.Text, term))
                {
                    var mark = document.CreateElement("mark");
                    mark.TextContent = piece.Text;
                    fragment.AppendChild(mark);
                }
                else
                {
                    fragment.AppendChild(document.CreateTextNode(piece.Text));
                }
            }

            text.Parent!.ReplaceChild(fragment, text);
        }

        return body.InnerHtml;
    }

    private static List<(string Text, bool IsWord)> Split(string value)
    {
        var pieces = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= value.Length; i++)
        {
            if (i == value.Length || char.IsLetterOrDigit(value[i]) != char.IsLetterOrDigit(value[start]))
            {
                pieces.Add((value[start..i], char.IsLetterOrDigit(value[start])));
                start = i;
            }
        }

        return pieces;
    }
}

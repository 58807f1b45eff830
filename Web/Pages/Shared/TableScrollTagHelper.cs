using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Blog.Web.Pages.Shared;

/// <summary>
/// A wide table's box (<c>div.table-scroll</c>) scrolls sideways on a phone; whoever uses a keyboard must be able to
/// scroll it too, so it takes focus and is a named group. Its name is required: a box without one fails to draw.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class=table-scroll]")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("aria-label", out var label) || string.IsNullOrWhiteSpace(label.Value?.ToString()))
        {
            throw new InvalidOperationException("A div.table-scroll needs an aria-label naming its table.");
        }

        output.Attributes.SetAttribute("tabindex", "0");
        // A group, not a region: the section around it is often the landmark of the same name.
        output.Attributes.SetAttribute("role", "group");
    }
}

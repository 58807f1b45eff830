using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Web.Pages.Comments;

/// <summary>/complaints/received/{reference}: where a filed complaint lands. It echoes only what has a reference's shape.</summary>
public sealed partial class ComplaintReceivedModel : PageModel
{
    public string Reference { get; private set; } = "";

    public IActionResult OnGet(string reference)
    {
        Reference = reference.ToUpperInvariant();
        return Shape().IsMatch(Reference) ? Page() : NotFound();
    }

    [GeneratedRegex("^LC-[A-Z0-9]{10}$")]
    private static partial Regex Shape();
}

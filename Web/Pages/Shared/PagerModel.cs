namespace Blog.Web.Pages.Shared;

/// <summary>Plain links to the previous and next page; <paramref name="Href"/> builds the URL of a page.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, Func<int, string> Href);

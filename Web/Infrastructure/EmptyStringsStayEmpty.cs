using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Blog.Web.Infrastructure;

/// <summary>
/// An empty text box binds as "" rather than null, so optional text fields on non-nullable strings need no
/// null checks; required ones still say so through their own [Required] message.
/// </summary>
internal sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}

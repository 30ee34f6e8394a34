using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Pages;

/// <summary>
/// "Profile data: CC BY 4.0", linked to the licence: once on every page, in the footer, or with the content on the
/// profile, print and terms pages (with the profile it is printed, and the print view names it beside the source; the
/// footer is not printed). Written as content rather than a partial view (a view, its services and buffers per use: every
/// page showed it at least once). It ends with a line end, as the partial it replaces did, so the pages' bytes stayed the same.
/// </summary>
public static class DataLicenceNote
{
    private const string ShownWithContent = "DataLicenceShownWithContent";

    /// <summary>The note in a page's content: the footer of that page then leaves it out.</summary>
    public static IHtmlContent WithContent(IStringLocalizer T, DataLicenceOptions licence, ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ShownWithContent] = true;
        return For(T, licence);
    }

    /// <summary>The footer's note, unless the page has stated the licence with its content (the layout renders the page first).</summary>
    public static IHtmlContent InFooter(IStringLocalizer T, DataLicenceOptions licence, ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[ShownWithContent] is true ? HtmlString.Empty : For(T, licence);
    }

    private static IHtmlContent For(IStringLocalizer T, DataLicenceOptions licence) => new HtmlContentBuilder(7)
        .AppendHtml("<p class=\"data-licence\">")
        .Append(T["Profile data:"])
        .AppendHtml(" <a rel=\"license\" href=\"")
        .Append(licence.Url)
        .AppendHtml("\">")
        .Append(licence.Name)
        .AppendHtml("</a></p>\n");
}

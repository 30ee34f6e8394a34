using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Pages;

/// <summary>
/// "Profile data: CC BY 4.0", linked to the licence: in the footer of every page and on the profile, print and terms
/// pages. Written as content rather than a partial view (a view, its services and buffers per use: every page showed it
/// at least once). It ends with a line end, as the partial it replaces did, so the pages' bytes stayed the same.
/// </summary>
public static class DataLicenceNote
{
    public static IHtmlContent For(IStringLocalizer T, DataLicenceOptions licence) => new HtmlContentBuilder(7)
        .AppendHtml("<p class=\"data-licence\">")
        .Append(T["Profile data:"])
        .AppendHtml(" <a rel=\"license\" href=\"")
        .Append(licence.Url)
        .AppendHtml("\">")
        .Append(licence.Name)
        .AppendHtml("</a></p>\n");
}

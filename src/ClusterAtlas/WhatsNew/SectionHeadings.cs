using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.WhatsNew;

/// <summary>
/// A section's heading is the resource string "WhatsNew.Section.{section}". English has no resource file (its keys
/// are the English text), so there the section's key itself, capitalised ("news" is "News"), is the heading.
/// </summary>
public static class SectionHeadings
{
    public static string Of(IStringLocalizer T, string section)
    {
        ArgumentNullException.ThrowIfNull(T);
        var heading = T[$"WhatsNew.Section.{section}"];
        return heading.ResourceNotFound && section.Length > 0
            ? char.ToUpper(section[0], CultureInfo.InvariantCulture) + section[1..]
            : heading.Value;
    }

    /// <summary>Where a section's full list is ("/news", "/events", ...): the section's own page.</summary>
    public static string ListPath(string section) => section == "postings" ? "/partner-search" : section == "profiles" ? "/cluster-organisations" : $"/{section}";
}

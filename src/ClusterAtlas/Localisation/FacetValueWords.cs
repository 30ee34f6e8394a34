using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Localisation;

/// <summary>
/// The words for the facet values that are codes (member ranges, excellence labels), in the language of the localizer
/// given: the page's for pages, <see cref="EnglishText"/> for the API.
/// </summary>
public static class FacetValueWords
{
    public static string Of(string facet, string code, IStringLocalizer T) => facet switch
    {
        Facet.Members => MemberRange(code, T),
        Facet.Label => ExcellenceLabel(code, T),
        _ => code,
    };

    /// <summary>"21–50 members", "501 or more members"; a code that is not a range stays as it was typed.</summary>
    public static string MemberRange(string code, IStringLocalizer T)
    {
        if (!Facet.MemberRanges.Any(r => r.Value == code))
        {
            return code;
        }
        if (code.EndsWith('+'))
        {
            return T["{0} or more members", code[..^1]];
        }
        var bounds = code.Split('-');
        return bounds.Length == 2 ? T["{0}–{1} members", bounds[0], bounds[1]] : code;
    }

    public static string ExcellenceLabel(string code, IStringLocalizer T) => code switch
    {
        "gold" => T["Gold Label"],
        "silver" => T["Silver Label"],
        "bronze" => T["Bronze Label"],
        "none" => T["No label"],
        _ => code,
    };
}

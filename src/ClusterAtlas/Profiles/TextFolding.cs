using System.Globalization;
using System.Text;

namespace ClusterAtlas.Profiles;

/// <summary>Folds text the way people's spellings vary: case, accents, punctuation and spacing.</summary>
public static class TextFolding
{
    /// <summary>Lower case, accents removed (đ becomes d), '&amp;' as "and", nothing but letters and digits.</summary>
    public static string MatchKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in RemoveDiacritics(text.Replace("&", " and ", StringComparison.Ordinal)))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The URL slug as the ECCP makes it: lower case, accents removed, each run of other characters one hyphen.
    /// "Vojvodina ICT Cluster - VOICT" becomes "vojvodina-ict-cluster-voict".
    /// </summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var c in RemoveDiacritics(name))
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.ToString();
    }

    public static string RemoveDiacritics(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text; // nothing to remove, and most names are plain ASCII: no normalisation to pay for
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                // Letters that Unicode does not decompose into a base letter and a mark.
                case 'đ': builder.Append('d'); break;
                case 'Đ': builder.Append('D'); break;
                case 'ß': builder.Append("ss"); break;
                case 'ø': builder.Append('o'); break;
                case 'Ø': builder.Append('O'); break;
                case 'ł': builder.Append('l'); break;
                case 'Ł': builder.Append('L'); break;
                case 'æ': builder.Append("ae"); break;
                case 'Æ': builder.Append("AE"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ı': builder.Append('i'); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

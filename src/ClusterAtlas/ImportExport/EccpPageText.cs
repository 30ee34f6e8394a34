using System.Text;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The text of a saved page file. Pages are UTF-8; an older tool may have saved one in the Windows code page of its
/// language (1250 for Central European, 1252 for Western European text). A file that is not valid UTF-8 is read in the
/// legacy code page whose letters it uses, or refused with the line of its first unreadable byte, never stored as mojibake.
/// </summary>
public static class EccpPageText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Letters each legacy code page has and the other does not, as they appear in names and addresses.</summary>
    private static readonly (int CodePage, string Letters)[] LegacyCodePages =
    [
        (1250, "čćđšžČĆĐŠŽąęłńśźżĄĘŁŃŚŹŻőűŐŰřěůŘĚŮťďňľĺŕŤĎŇĽĹŔ"),
        (1252, "àâãåæçèêëìîïñòõøùûýÿÀÂÃÅÆÇÈÊËÌÎÏÑÒÕØÙÛÝ€ƒ"),
    ];

    public static string Decode(byte[] bytes, string sourceName)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException notUtf8)
        {
            var best = LegacyCodePages
                .Select(legacy => (legacy.Letters, Text: TryDecode(bytes, legacy.CodePage)))
                .Where(candidate => candidate.Text is not null)
                .OrderByDescending(candidate => candidate.Text!.Count(candidate.Letters.Contains))
                .FirstOrDefault();
            if (best.Text is null || best.Text.Any(c => c is >= '\u0080' and <= '\u009F'))
            {
                var offset = Math.Max(0, notUtf8.Index);
                var line = bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n') + 1;
                throw new MalformedProfilePageException(sourceName, line,
                    "the file is neither UTF-8 nor Windows-1250 or Windows-1252 text: save the page as UTF-8 text and import it again");
            }
            return best.Text;
        }
    }

    private static string? TryDecode(byte[] bytes, int codePage)
    {
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    static EccpPageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}

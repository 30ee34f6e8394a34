using System.Security.Cryptography;

namespace ClusterAtlas.Profiles.Logos;

/// <summary>An uploaded file accepted as a logo: its type as its content shows it, and the bytes to store (an SVG cleaned).</summary>
public sealed record LogoFile(string ContentType, byte[] Content)
{
    public const int MaxBytes = 1024 * 1024;

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>
    /// The logo in <paramref name="content"/>, or why it is refused. The type comes from the file's first bytes
    /// (PNG, JPEG and WebP signatures) or from parsing it as an SVG document, never from its name or the browser's
    /// content type.
    /// </summary>
    public static (LogoFile? Logo, LogoRefusal? Refusal) Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, LogoRefusal.Empty);
        }
        if (content.Length > MaxBytes)
        {
            return (null, LogoRefusal.TooLarge);
        }
        if (RasterType(content) is { } type)
        {
            return (new LogoFile(type, content), null);
        }
        return SvgSanitizer.Clean(content) is { } svg ? (new LogoFile("image/svg+xml", svg), null) : (null, LogoRefusal.NotAnImage);
    }

    private static string? RasterType(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? "image/png"
        : content.StartsWith(JpegSignature) ? "image/jpeg"
        : content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
}

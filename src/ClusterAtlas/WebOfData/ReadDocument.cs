using System.Text;
using Microsoft.Net.Http.Headers;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// A document that readers fetch again and again (feeds, calendars, the sitemap) with an ETag of its bytes: a feed
/// reader or calendar that sends it back with If-None-Match gets 304 and no body while nothing changed (the file
/// result answers the condition, and the output cache in front of it does too). Weak, because the same document is
/// sent compressed and uncompressed.
/// </summary>
public static class ReadDocument
{
    /// <remarks>The API's hash of the bytes (<see cref="Api.ApiAnswer.ETagOf"/>), marked weak.</remarks>
    public static IResult Of(byte[] body, string contentType) =>
        Results.Bytes(body, contentType, entityTag: new EntityTagHeaderValue(Api.ApiAnswer.ETagOf(body).Tag, isWeak: true));

    public static IResult Of(string text, string contentType) => Of(Encoding.UTF8.GetBytes(text), contentType);
}

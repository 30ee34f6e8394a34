using System.IO.Compression;
using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Caching;

/// <summary>HTML and JSON are compressed (Brotli, gzip) for anonymous readers; never where BREACH could read a secret.</summary>
public sealed class CompressionTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Theory]
    [InlineData("/cluster-organisations", "br")]
    [InlineData("/cluster-organisations", "gzip")]
    [InlineData("/api/v1/cluster-organisations", "br")]
    [InlineData("/api/v1/cluster-organisations", "gzip")]
    public async Task Public_pages_and_api_answers_are_compressed_and_the_cache_keeps_each_encoding(string url, string encoding)
    {
        using var client = app.CreateClient();
        foreach (var _ in new[] { "rendered", "from the cache" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var text = await DecodeAsync(await response.Content.ReadAsByteArrayAsync(), encoding);
            Assert.Contains("Vojvodina Metal Cluster", text, StringComparison.Ordinal);
        }
        // And without Accept-Encoding the same URL is plain, not the compressed bytes stored for the others.
        using var plain = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Vojvodina Metal Cluster", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_token_is_not_compressed()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login?returnUrl=%2Fsecret", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_members_page_is_not_compressed()
    {
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/cluster-organisations?q=metal", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await member.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Static_files_keep_the_builds_compressed_copy_and_are_not_compressed_again()
    {
        using var client = app.CreateClient();
        var css = await StylesheetAddressAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(css, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentEncoding.Count <= 1, string.Join(", ", response.Content.Headers.ContentEncoding));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = response.Content.Headers.ContentEncoding.Count == 1 ? await DecodeAsync(bytes, "gzip") : System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("{", text, StringComparison.Ordinal); // a stylesheet after one decoding, not compressed bytes
    }

    [Fact]
    public async Task A_fingerprinted_static_file_is_cached_for_a_year()
    {
        // Run from a build (as `dotnet run` does) rather than a published folder, the files are listed by the build's
        // manifest, which ASP.NET Core takes for files being edited: it sent them no-cache unless told otherwise.
        using var client = app.CreateClient();
        var css = await StylesheetAddressAsync(client);
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", css); // its fingerprinted address
        using var response = await client.GetAsync(new Uri(css, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    /// <summary>The site's stylesheet as the home page links it.</summary>
    private static async Task<string> StylesheetAddressAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site[^\"]*\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        return css;
    }

    private static async Task<string> DecodeAsync(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        await using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return await reader.ReadToEndAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>A profile's logo: uploaded by its administrators, checked by its content, served by the app, shown where the profile is.</summary>
public sealed class ProfileLogoTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    // Real one-pixel images of each accepted type.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static readonly byte[] Jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
    private static readonly byte[] Webp = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static readonly byte[] Svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Cluster</title><circle cx="5" cy="5" r="4" fill="#0b5"/></svg>""");

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("webp", "image/webp")]
    [InlineData("svg", "image/svg+xml")]
    public async Task Each_accepted_type_is_recognised_by_its_content_and_served_from_the_apps_own_address(string kind, string contentType)
    {
        var content = kind switch { "png" => Png, "jpeg" => Jpeg, "webp" => Webp, _ => Svg };
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, $"Logo Type {kind} Cluster");

        // The name and the browser's type say otherwise: the content decides.
        using var uploaded = await UploadAsync(browser, slug, content, "logo.txt", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/cluster-organisations/{slug}/edit/logo?done=saved", uploaded.Headers.Location!.OriginalString);
        var hash = await LogoHashAsync(slug);
        Assert.NotNull(hash);
        var identity = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative)));
        var src = identity.QuerySelector(".logo-field img")!.GetAttribute("src")!;
        Assert.Equal($"/cluster-organisations/{slug}/logo/{hash}", src);

        using var served = await browser.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(contentType, served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal($"\"{hash}\"", served.Headers.ETag!.Tag);
        // A draft's logo is for its editors only, so no shared cache keeps it.
        Assert.True(served.Headers.CacheControl!.Private);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        if (kind != "svg")
        {
            Assert.Equal(content, bytes);
        }
        using var anonymous = app.CreateClient();
        using var hidden = await anonymous.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_an_accepted_image_or_is_too_large_is_refused_with_a_message_and_nothing_is_stored()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Refused Logo Cluster");
        var before = await app.SnapshotAsync();

        // A program renamed to look like a picture.
        var program = new byte[4096];
        "MZ"u8.CopyTo(program);
        new Random(7).NextBytes(program.AsSpan(2));
        using var exe = await UploadAsync(browser, slug, program, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, exe.StatusCode);
        Assert.Equal("The logo must be a PNG, JPEG, WebP or SVG image, and this file is none of them.", (await ClusterAtlasFactory.FieldErrorsAsync(exe))["Logo"]);
        var html = await exe.Content.ReadAsStringAsync();
        await HtmlValidator.AssertValidAsync(html, "logo page with an error");
        var page = await ClusterAtlasFactory.ParseAsync(html);
        Assert.Equal("#Logo", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("Logo"));

        // A real PNG signature, but more than 1 MB.
        var large = new byte[1024 * 1024 + 1];
        Png.CopyTo(large, 0);
        using var tooLarge = await UploadAsync(browser, slug, large, "logo.png", "image/png");
        Assert.StartsWith("The logo may be at most 1 MB; this file has 1,024 KB.", (await ClusterAtlasFactory.FieldErrorsAsync(tooLarge))["Logo"], StringComparison.Ordinal);

        // An SVG that asks for a file of the server through its DTD is not read at all.
        var entity = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>""");
        using var dtd = await UploadAsync(browser, slug, entity, "logo.svg", "image/svg+xml");
        Assert.StartsWith("The logo must be a PNG", (await ClusterAtlasFactory.FieldErrorsAsync(dtd))["Logo"], StringComparison.Ordinal);

        using var nothing = await UploadAsync(browser, slug, [], "empty.png", "image/png");
        Assert.Equal("Choose the file of the logo.", (await ClusterAtlasFactory.FieldErrorsAsync(nothing))["Logo"]);

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.ProfileLogos.CountAsync(l => l.ClusterOrganisationId == db.ClusterOrganisations.Single(p => p.Slug == slug).Id)));
    }

    [Fact]
    public async Task An_svg_is_kept_as_a_picture_without_scripts_event_handlers_or_references_outside_it()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Sanitised Logo Cluster");
        var hostile = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40" onload="alert(1)">
              <script>alert(document.cookie)</script>
              <style>@import url(https://evil.example/track.css);</style>
              <defs><path id="shape" d="M0 0 L10 10"/></defs>
              <a xlink:href="javascript:alert(2)"><text x="5" y="30">click</text></a>
              <image href="https://evil.example/pixel.png" width="10" height="10"/>
              <use href="https://evil.example/sprite.svg#icon"/>
              <use xlink:href="#shape" fill="url(#grad)"/>
              <rect width="20" height="20" style="fill: url(https://evil.example/x.svg#p)" onclick="alert(3)"/>
              <circle cx="50" cy="20" r="10" fill="#036" onmouseover="alert(4)"/>
              <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"/></body></foreignObject>
              <set attributeName="href" to="javascript:alert(5)"/>
            </svg>
            """);

        using var uploaded = await UploadAsync(browser, slug, hostile, "logo.svg", "image/svg+xml");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        using var served = await browser.GetAsync(new Uri($"/cluster-organisations/{slug}/logo/{await LogoHashAsync(slug)}", UriKind.Relative));
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", string.Join(",", served.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var text = await served.Content.ReadAsStringAsync();
        var svg = XDocument.Parse(text);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var elements = svg.Descendants().ToList();
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "style" or "a" or "image" or "foreignObject" or "set" or "iframe");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.All(elements.SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName == "href"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        // The picture itself is still there.
        Assert.Equal("0 0 100 40", (string?)svg.Root.Attribute("viewBox"));
        Assert.Single(elements, e => e.Name == ns + "circle" && (string?)e.Attribute("fill") == "#036");
        Assert.Single(elements, e => e.Name == ns + "use" && e.Attributes().Any(a => a.Value == "#shape") && (string?)e.Attribute("fill") == "url(#grad)");
        Assert.Single(elements, e => e.Name == ns + "rect" && e.Attribute("style") is null);
    }

    [Fact]
    public async Task Only_the_profiles_administrators_may_upload_or_remove_its_logo()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(owner, "Guarded Logo Cluster");
        await UploadedAsync(owner, slug, Png, "logo.png", "image/png");
        var before = await app.SnapshotAsync();
        var hash = await LogoHashAsync(slug);

        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var page = await stranger.GetAsync(new Uri($"/cluster-organisations/{slug}/edit/logo", UriKind.Relative));
        Assert.True(IsRefusal(page), $"the logo page answered a stranger {(int)page.StatusCode}");
        // The stranger's own antiforgery token (from a form they may open) does not make the post theirs to make.
        using var upload = await UploadAsync(stranger, slug, Svg, "logo.svg", "image/svg+xml", tokenFrom: "/cluster-organisations/register");
        Assert.True(IsRefusal(upload), $"an upload by a stranger answered {(int)upload.StatusCode}");
        using var remove = await PostWithTokenAsync(stranger, $"/cluster-organisations/{slug}/edit/logo?handler=Remove", []);
        Assert.True(IsRefusal(remove), $"a removal by a stranger answered {(int)remove.StatusCode}");
        using var anonymous = app.CreateBrowser();
        using var anonymousUpload = await UploadAsync(anonymous, slug, Svg, "logo.svg", "image/svg+xml", tokenFrom: "/account/login");
        Assert.True(IsRefusal(anonymousUpload), $"an anonymous upload answered {(int)anonymousUpload.StatusCode}");

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(hash, await LogoHashAsync(slug));
    }

    [Fact]
    public async Task Removing_the_logo_takes_it_off_and_both_changes_are_revisions_of_the_profile()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Removed Logo Cluster");
        await UploadedAsync(browser, slug, Png, "logo.png", "image/png");
        var hash = await LogoHashAsync(slug);
        await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/logo", UriKind.Relative)), "logo page with a logo");
        await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative)), "identity step with a logo");

        using var removed = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/logo", [], "main form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await LogoHashAsync(slug));
        using var old = await browser.GetAsync(new Uri($"/cluster-organisations/{slug}/logo/{hash}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        var logoHtml = await browser.GetStringAsync(removed.Headers.Location);
        await HtmlValidator.AssertValidAsync(logoHtml, "logo page without a logo");
        var logoPage = await ClusterAtlasFactory.ParseAsync(logoHtml);
        Assert.Contains("The logo is removed.", logoPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(logoPage.QuerySelector("main img"));
        var revisions = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == slug).OrderBy(r => r.Id).Select(r => r.ChangedFields).ToListAsync());
        Assert.Equal(["Logo", "Logo"], revisions.Skip(1));
        var history = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/revisions", UriKind.Relative)));
        Assert.Contains(hash![..12], history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_logo_is_cached_by_its_hash_and_shown_on_the_profile_page_its_card_and_its_print_view()
    {
        var profile = await app.SubmittedProfileAsync("Shown Logo Cluster");
        using var administrator = await app.SignInAsync(profile.AdministratorEmail);
        await UploadedAsync(administrator, profile.Slug, Svg, "logo.svg", "image/svg+xml");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ModerationScenario.ApproveAsync(moderator, profile);
        var hash = await LogoHashAsync(profile.Slug);
        var src = $"/cluster-organisations/{profile.Slug}/logo/{hash}";
        using var anonymous = app.CreateClient();

        using var served = await anonymous.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var cache = served.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains("immutable", cache.Extensions.Select(e => e.Name));
        Assert.Equal("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri(src, UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        foreach (var url in new[] { $"/cluster-organisations/{profile.Slug}", $"/cluster-organisations/{profile.Slug}/print" })
        {
            var html = await anonymous.GetStringAsync(new Uri(url, UriKind.Relative));
            await HtmlValidator.AssertValidAsync(html, url + " with a logo");
            var page = await ClusterAtlasFactory.ParseAsync(html);
            AssertLogo(page.QuerySelector(".profile-header img.profile-logo"), src, url);
        }
        var home = await ClusterAtlasFactory.ParseAsync(await anonymous.GetStringAsync(new Uri("/", UriKind.Relative)));
        var card = home.QuerySelectorAll(".profile-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == profile.Name);
        AssertLogo(card.QuerySelector("img.card-logo"), src, "the home page's card");
    }

    [Fact]
    public async Task A_moderator_reverting_a_logo_change_brings_the_earlier_logo_back()
    {
        var profile = await app.SubmittedProfileAsync("Reverted Logo Cluster");
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        await ModerationScenario.ApproveAsync(moderator, profile);
        using var administrator = await app.SignInAsync(profile.AdministratorEmail);
        await UploadedAsync(administrator, profile.Slug, Png, "logo.png", "image/png");
        var original = await LogoHashAsync(profile.Slug);
        await UploadedAsync(administrator, profile.Slug, Svg, "new-logo.svg", "image/svg+xml");
        var replacement = await LogoHashAsync(profile.Slug);
        Assert.NotEqual(original, replacement);
        var change = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisationId == profile.Id).OrderBy(r => r.Id).Select(r => r.Id).LastAsync());

        var feed = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/edits", UriKind.Relative)));
        var entry = feed.QuerySelector($"article[aria-labelledby='revision-{change}']")!;
        Assert.Equal("Logo", entry.QuerySelector(".changes dt")!.TextContent.Trim());
        using var reverted = await ModerationScenario.RevertedAsync(moderator, change, "The old logo is the registered one.");

        Assert.Equal(original, await LogoHashAsync(profile.Slug));
        using var anonymous = app.CreateClient();
        using var back = await anonymous.GetAsync(new Uri($"/cluster-organisations/{profile.Slug}/logo/{original}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(Png, await back.Content.ReadAsByteArrayAsync());
        using var gone = await anonymous.GetAsync(new Uri($"/cluster-organisations/{profile.Slug}/logo/{replacement}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static void AssertLogo(IElement? image, string src, string where)
    {
        Assert.True(image is not null, $"no logo on {where}");
        Assert.Equal(src, image.GetAttribute("src"));
        Assert.Equal("Logo of Shown Logo Cluster", image.GetAttribute("alt"));
    }

    private Task<string?> LogoHashAsync(string slug) =>
        app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.LogoSha256).SingleAsync());

    /// <summary>Uploads as <see cref="UploadAsync"/> does, and checks that the logo was taken.</summary>
    private static async Task UploadedAsync(HttpClient browser, string slug, byte[] content, string fileName, string contentType)
    {
        using var response = await UploadAsync(browser, slug, content, fileName, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"the upload answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Values));
    }

    /// <summary>
    /// Sends the logo page's upload form as a browser does (multipart, with its antiforgery token), or, with
    /// <paramref name="tokenFrom"/>, with the token of another page's form, for someone who cannot open the logo page.
    /// </summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string slug, byte[] content, string fileName, string contentType, string? tokenFrom = null)
    {
        var action = $"/cluster-organisations/{slug}/edit/logo?handler=Upload";
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(tokenFrom ?? $"/cluster-organisations/{slug}/edit/logo", UriKind.Relative)));
        using var body = new MultipartFormDataContent();
        if (tokenFrom is null)
        {
            var form = page.QuerySelector("main form[enctype='multipart/form-data']")!;
            Assert.Equal(action, form.GetAttribute("action"));
        }
        if (page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            body.Add(new StringContent(token), "__RequestVerificationToken");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "Logo", fileName);
        return await browser.PostAsync(new Uri(action, UriKind.Relative), body);
    }
}
